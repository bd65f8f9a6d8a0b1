package com.stockoutradar.load;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times every query of {@code docs/analysts.md} through Ignite's thin JDBC driver, a few rounds each, as an analyst
 * would run them ({@code :now} = when the bench started, {@code :pid} = {@code --pid}, by default product 1, on a
 * generated shop the product of its latest sale), signed in as a user with the
 * ANALYST role (or ADMIN), through one or more query engines and URL parameters ({@code --engines}, below).
 * <p>
 * Against a running application: {@code --url}, and {@code --user}/{@code --password} or
 * {@code RADAR_USER}/{@code RADAR_PASSWORD}; with {@code --jdbc} (its PostgreSQL) the DuckDB peers run too.
 * <pre>
 * RADAR_USER=admin RADAR_PASSWORD=… java -Dloader.main=com.stockoutradar.load.AnalystBench \
 *      -jar load-test/target/load-test.jar --doc=docs/analysts.md --url=jdbc:ignite:thin://127.0.0.1:10800 --rounds=5
 * </pre>
 * On a {@link GeneratedShop} ({@code --postgres-dir} and its options; the changes span the last 14 days by default,
 * so that the week-over-week question has a week before): cold-starts the packaged application on it, times the
 * queries, stops the application, then runs the DuckDB peers on the same rows copied from PostgreSQL, the same rounds.
 * <pre>
 * java -Dloader.main=com.stockoutradar.load.AnalystBench -jar load-test/target/load-test.jar \
 *      --postgres-dir=/work/analyst-bench/postgres --work=/work/analyst-bench --products=1000000 --changes=3000000 \
 *      --engines=h2,calcite
 * </pre>
 * {@code --engines} is a comma list of grid variants, each an engine ({@code h2}, the node's default, or
 * {@code calcite}) with optional thin JDBC URL parameters after a {@code ?}: {@code h2?lazy=true&collocated=true}
 * ({@code --engine=calcite} for one). {@code --only=a,b} runs those queries alone; {@code --explain=true} prints each
 * engine's plan; {@code --doc=a.md,b.md} reads the queries of both. The peers are {@code analyst-peers.sql} (a
 * resource of this module, {@code --peers=FILE} for another): DuckDB's plain form of each question over the raw
 * tables; the grid-only tables have none.
 */
public final class AnalystBench {
    /** A guide's query; one named {@code question+variant} is another form of the question, with its peer. */
    /** A peer starts with a line naming it, the same convention as the guide's blocks, and ends with {@code ;}. */
    private static final Pattern PEER = Pattern.compile("^-- ([a-z0-9-]+)\\n(.*?);\\s*$",
            Pattern.DOTALL | Pattern.MULTILINE);

    private AnalystBench() {
    }

    /** What the queries' {@code :now} and {@code :pid} stand for. */
    record Parameters(long now, long pid) {
    }

    /** A way to run the grid's side: an engine and the URL parameters that go with it. */
    record Engine(String label, String parameters) {
        static Engine of(String spec) {
            String[] parts = spec.split("\\?", 2);
            if (!parts[0].equals("h2") && !parts[0].equals("calcite")) {
                throw new IllegalArgumentException("unknown engine " + parts[0] + " (h2 or calcite)");
            }
            return new Engine(spec, "queryEngine=" + parts[0] + (parts.length > 1 ? "&" + parts[1] : ""));
        }

        /** How this engine is asked for a plan: H2's {@code EXPLAIN}, Calcite's {@code EXPLAIN PLAN FOR}. */
        String explain(String sql) {
            return (parameters.startsWith("queryEngine=calcite") ? "EXPLAIN PLAN FOR " : "EXPLAIN ") + sql;
        }

        String url(String base) {
            return base + (base.contains("?") ? "&" : "?") + parameters;
        }
    }

    /** One query's rounds on one side: the sorted times, the rows of the last round, or why it failed. */
    record Timing(double[] millis, List<List<Object>> rows, long rowCount, String error) {
        double median() {
            return millis[millis.length / 2];
        }

        double max() {
            return millis[millis.length - 1];
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        Map<String, String> queries = new LinkedHashMap<>();
        for (String doc : options.getOrDefault("doc", "docs/analysts.md").split(",")) {
            AnalystQuery.readAll(Path.of(doc)).forEach(query -> queries.put(query.name(), query.text()));
        }
        if (options.containsKey("only")) {
            queries.keySet().retainAll(Set.of(options.get("only").split(",")));
        }
        Map<String, String> peers = named(PEER, peerFile(options.get("peers")));
        List<Engine> engines = Arrays.stream(options.getOrDefault("engines", options.getOrDefault("engine", "h2"))
                .split(",")).map(Engine::of).toList();
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        boolean explain = "true".equals(options.get("explain"));
        Map<Engine, Map<String, Timing>> grid;
        Map<String, Timing> duck;
        if (options.containsKey("postgres-dir")) {
            try (GeneratedShop shop = GeneratedShop.open(options, "load-test/target/analyst-bench", 14)) {
                Parameters at = new Parameters(shop.now, Long.parseLong(options.getOrDefault("pid",
                        Long.toString(lastSold(shop.jdbc)))));
                System.out.printf("cold start into an empty grid, to serving: %.1f s%n",
                        shop.coldStart("/api/at-risk?limit=1"));
                try {
                    // the risk tables hold still once the cold start's reviews are through: every engine reads the same
                    RiskBench.awaitSettled(GeneratedShop.URL, shop.credentials.person());
                    grid = onGrid(engines, GeneratedShop.THIN_JDBC, shop.credentials, queries, peers, at, rounds,
                            explain);
                } finally {
                    shop.radar.stop();
                }
                // the application's memory is DuckDB's now: at 10M products they would not fit side by side
                duck = onDuckDb(shop.jdbc, queries.keySet(), peers, at, rounds);
                System.out.printf("%n%,d products, %,d changes over the last %d days, :now %d, :pid %d%n",
                        shop.products, shop.changes, shop.days, at.now(), at.pid());
            }
        } else {
            Parameters at = new Parameters(System.currentTimeMillis() / 1000,
                    Long.parseLong(options.getOrDefault("pid", "1")));
            String url = options.getOrDefault("url", "jdbc:ignite:thin://127.0.0.1:10800");
            Credentials analyst = Credentials.given(options);
            grid = onGrid(engines, url, analyst, queries, peers, at, rounds, explain);
            duck = options.containsKey("jdbc") ? onDuckDb(options.get("jdbc"), queries.keySet(), peers, at, rounds)
                    : Map.of();
        }
        report(queries.keySet(), grid, duck, rounds);
    }

    /**
     * Every query through thin JDBC, {@code rounds} times each through each engine in turn, one connection per engine
     * (on shared cores the load moves: each query's engines meet about the same); answers kept where a peer compares.
     */
    private static Map<Engine, Map<String, Timing>> onGrid(List<Engine> engines, String url, Credentials analyst,
                                                           Map<String, String> queries, Map<String, String> peers,
                                                           Parameters at, int rounds, boolean explain)
            throws SQLException {
        Map<Engine, Map<String, Timing>> timings = new LinkedHashMap<>();
        Map<Engine, Connection> connections = new LinkedHashMap<>();
        System.out.printf("grid, %d rounds each (ms: median, max; rows), %s%n", rounds, load());
        try {
            for (Engine engine : engines) {
                connections.put(engine, DriverManager.getConnection(engine.url(url), analyst.user(),
                        analyst.password()));
                timings.put(engine, new LinkedHashMap<>());
                System.out.printf("  %s: %s%n", engine.label(), engine.url(url));
            }
            for (Map.Entry<String, String> query : queries.entrySet()) {
                for (Engine engine : engines) {
                    Connection jdbc = connections.get(engine);
                    if (explain) {
                        explain(jdbc, engine.explain(query.getValue()), at);
                    }
                    Timing timing = timed(jdbc, query.getValue(), at, rounds,
                            peers.containsKey(question(query.getKey())));
                    timings.get(engine).put(query.getKey(), timing);
                    System.out.printf("  %-28s %-30s %s (%s)%n", query.getKey(), engine.label(), shown(timing),
                            load());
                }
            }
        } finally {
            for (Connection c : connections.values()) {
                c.close();
            }
        }
        return timings;
    }

    /** The peers of the queries asked, on the rows copied from PostgreSQL into an in-memory DuckDB. */
    private static Map<String, Timing> onDuckDb(String postgres, Set<String> asked, Map<String, String> peers,
                                                Parameters at, int rounds) throws Exception {
        Map<String, Timing> timings = new LinkedHashMap<>();
        System.out.printf("DuckDB peers, %d rounds each (ms: median, max; rows), %s%n", rounds, load());
        try (Connection duck = DuckDbCopy.of(postgres,
                new DuckDbCopy.Table("product", "id BIGINT PRIMARY KEY", "stock BIGINT", "name VARCHAR",
                        "updated_at BIGINT", "version BIGINT"),
                new DuckDbCopy.Table("inventory_change", "id BIGINT", "pid BIGINT", "type VARCHAR",
                        "quantity BIGINT", "timestamp BIGINT", "customer_id BIGINT", "event_id VARCHAR",
                        "stock_after BIGINT"))) {
            for (String name : asked.stream().map(AnalystBench::question).distinct().toList()) {
                if (peers.containsKey(name)) {
                    Timing timing = timed(duck, peers.get(name), at, rounds, true);
                    timings.put(name, timing);
                    System.out.printf("  %-28s %s%n", name, shown(timing));
                }
            }
        }
        return timings;
    }

    /** On shared cores the numbers mean little without it. */
    private static String load() {
        return String.format("load average %.1f on %d cores",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static Timing timed(Connection c, String sql, Parameters at, int rounds, boolean keepRows) {
        double[] millis = new double[rounds];
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            rows.clear();
            count = 0;
            try (PreparedStatement query = prepared(c, sql, at); ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    count++;
                    if (keepRows) {
                        List<Object> row = new ArrayList<>(columns);
                        for (int column = 1; column <= columns; column++) {
                            row.add(rs.getObject(column));
                        }
                        rows.add(row);
                    }
                }
            } catch (SQLException failed) {
                return new Timing(new double[]{Double.NaN}, List.of(), 0, failed.getMessage().lines().findFirst()
                        .orElse(failed.toString()));
            }
            millis[round] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(millis, rows, count, null);
    }

    private static PreparedStatement prepared(Connection c, String sql, Parameters at) throws SQLException {
        return new AnalystQuery("", sql).prepare(c, at.now(), at.pid());
    }

    private static void explain(Connection jdbc, String sql, Parameters at) {
        try (PreparedStatement plan = prepared(jdbc, sql, at); ResultSet rs = plan.executeQuery()) {
            while (rs.next()) {
                System.out.println("    plan: " + rs.getString(1).replace("\n", "\n          "));
            }
        } catch (SQLException failed) {
            System.out.println("    plan: " + failed.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The summary: a row per query and grid variant, with DuckDB's time beside it and whether the answers agree. */
    private static void report(Set<String> names, Map<Engine, Map<String, Timing>> grid, Map<String, Timing> duck,
                               int rounds) {
        System.out.printf("%n%d rounds each, ms%n%-26s %-40s %10s %10s %9s %10s %10s %9s %8s  %s%n", rounds, "query",
                "grid", "median", "max", "rows", "DuckDB med", "DuckDB max", "rows", "ratio", "answers");
        for (String name : names) {
            Timing peer = duck.get(question(name));
            for (Map.Entry<Engine, Map<String, Timing>> engine : grid.entrySet()) {
                Timing timing = engine.getValue().get(name);
                String ratio = peer == null || timing.error() != null || peer.error() != null ? "" :
                        String.format("%.1f×", timing.median() / peer.median());
                System.out.printf("%-26s %-40s %10s %10s %9s %10s %10s %9s %8s  %s%n", name, engine.getKey().label(),
                        millis(timing, Timing::median), millis(timing, Timing::max), rows(timing),
                        peer == null ? "no peer" : millis(peer, Timing::median),
                        peer == null ? "" : millis(peer, Timing::max), peer == null ? "" : rows(peer), ratio,
                        timing.error() != null ? "failed: " + timing.error() : agreement(timing, peer));
            }
        }
    }

    private static String shown(Timing timing) {
        return timing.error() != null ? "failed: " + timing.error()
                : String.format("%9.1f %9.1f %9d", timing.median(), timing.max(), timing.rowCount());
    }

    private static String millis(Timing timing, java.util.function.ToDoubleFunction<Timing> which) {
        return timing.error() != null ? "failed" : String.format("%.1f", which.applyAsDouble(timing));
    }

    private static String rows(Timing timing) {
        return timing.error() != null ? "" : String.format("%,d", timing.rowCount());
    }

    /** The grid's rows against DuckDB's, numbers as numbers (a SUM is a DECIMAL in one, a HUGEINT in the other). */
    static String agreement(Timing grid, Timing peer) {
        if (peer == null) {
            return "";
        }
        if (peer.error() != null) {
            return "peer failed: " + peer.error();
        }
        List<List<Object>> mine = normalized(grid.rows());
        List<List<Object>> theirs = normalized(peer.rows());
        if (mine.equals(theirs)) {
            return "agree";
        }
        Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
        if (mine.size() == theirs.size() && mine.stream().sorted(byText).toList()
                .equals(theirs.stream().sorted(byText).toList())) {
            return "same rows, another order (ties)";
        }
        int i = 0;
        while (i < Math.min(mine.size(), theirs.size()) && mine.get(i).equals(theirs.get(i))) {
            i++;
        }
        return String.format("DIFFER at row %d: grid %s, DuckDB %s", i + 1, i < mine.size() ? mine.get(i) : "none",
                i < theirs.size() ? theirs.get(i) : "none");
    }

    private static List<List<Object>> normalized(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(value -> value instanceof Number number
                ? (Object) new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : value).toList())
                .toList();
    }

    /** The product of the latest sale: one with sales in every window the questions ask about. */
    private static long lastSold(String postgres) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT pid FROM inventory_change WHERE type = 'SALE' ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 1;
        }
    }

    /** The question a query answers: its name without a {@code +variant}. */
    private static String question(String name) {
        return name.split("\\+", 2)[0];
    }

    /** Name to SQL, in the order of the text; {@code :now} and {@code :pid} left for binding. */
    private static Map<String, String> named(Pattern block, String text) {
        Map<String, String> named = new LinkedHashMap<>();
        Matcher matcher = block.matcher(text);
        while (matcher.find()) {
            named.put(matcher.group(1), matcher.group(2).trim());
        }
        return named;
    }

    private static String peerFile(String path) throws IOException {
        if (path != null) {
            return Files.readString(Path.of(path));
        }
        try (InputStream in = AnalystBench.class.getResourceAsStream("/analyst-peers.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
