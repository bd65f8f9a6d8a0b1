package com.stockoutradar.load;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * Times a full risk refresh on a shop of a given size, against the brief's rule as one SQL {@code GROUP BY} in
 * PostgreSQL and in DuckDB on the same rows, in the same run. Loads the shop through the API first (CSV import, sale
 * batches over the last 7 days) unless {@code --load=false} ({@code --import=false}: the products are there already);
 * run it against an application started with demo data off. It records sales with an API key (INGEST) and does the
 * rest as a user (ADMIN: the import, refreshes, reads and metrics), see {@link Credentials}.
 * <pre>
 * java -jar web-dashboard/target/stockout-radar.jar --radar.demo.enabled=false --radar.grid.data-region-size=6GB &amp;
 * export RADAR_API_KEY=sr_… RADAR_USER=admin RADAR_PASSWORD=…    # from its start banner
 * PG_PASSWORD=$(cat data/security/postgres-password)               # the embedded PostgreSQL's
 * java -Dloader.main=com.stockoutradar.load.RiskBench -jar load-test/target/load-test.jar \
 *      --products=1000000 --sales-per-product=3 \
 *      --jdbc="jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres&amp;password=$PG_PASSWORD"
 * </pre>
 * Or on a generated shop that the application loads by its cold start (see {@link #onGeneratedShop}):
 * <pre>
 * java -Dloader.main=com.stockoutradar.load.RiskBench -jar load-test/target/load-test.jar \
 *      --postgres-dir=/work/risk-bench/postgres --work=/work/risk-bench --products=10000000 --changes=30000000
 * </pre>
 */
public final class RiskBench {
    /**
     * The brief's rule as plain SQL gives it its best form: one {@code GROUP BY} with a {@code LEFT JOIN}, the window
     * in the join condition (so products without sales in it stay), the at-risk rows returned, as the grid returns
     * them.
     */
    private static final String SEED_RULE_SQL = """
            SELECT p.id, p.stock - COALESCE(SUM(CASE WHEN c.type = 'SALE' THEN c.quantity ELSE -c.quantity END), 0)
            FROM product p LEFT JOIN inventory_change c ON c.pid = p.id AND c.timestamp > ? - 604800
            GROUP BY p.id, p.stock
            HAVING p.stock - COALESCE(SUM(CASE WHEN c.type = 'SALE' THEN c.quantity ELSE -c.quantity END), 0) <= 0""";

    private static final String POSTGRES_WORK_MEM = "1GB";

    /** Every order the list offers (the API's {@code sort} values). */
    private static final List<String> SORTS = List.of("rank", "productId", "name", "riskClass", "stock", "sales7d",
            "restocks7d", "velocity", "projected", "dailyDemand", "trend", "daysOfCover", "stockOutDate",
            "stockOutProbability");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        if (options.containsKey("postgres-dir")) {
            onGeneratedShop(options);
            return;
        }
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        int products = Integer.parseInt(options.getOrDefault("products", "100000"));
        int salesPerProduct = Integer.parseInt(options.getOrDefault("sales-per-product", "3"));
        // stock uniform below this; 40 puts about 42 % of products at risk, 400 about 4 %
        int maxStock = Integer.parseInt(options.getOrDefault("max-stock", "40"));
        String jdbc = options.get("jdbc");
        Credentials credentials = Credentials.given(options);
        long now = System.currentTimeMillis() / 1000;
        if (!"false".equals(options.get("load"))) {
            load(new StockoutRadarClient(url, credentials.person()),
                    new StockoutRadarClient(url, credentials.ingest()), products, salesPerProduct, maxStock,
                    !"false".equals(options.get("import")), now, jdbc, memory(url, credentials.person()));
        }
        System.out.printf("risk refresh, %,d products, about %d sales each over the last 7 days%n", products,
                salesPerProduct);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        measure(url, credentials.person(), products, rounds);
        if (jdbc != null) {
            peers(jdbc, now, rounds);
        }
    }

    /**
     * On a {@link GeneratedShop} ({@code --postgres-dir} and its options; changes over the last {@code --days}, 7 by
     * default), loaded into an empty grid by the application's cold start.
     */
    private static void onGeneratedShop(Map<String, String> options) throws Exception {
        try (GeneratedShop shop = GeneratedShop.open(options, "load-test/target/risk-bench", 7)) {
            int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
            System.out.printf("cold start into an empty grid, to serving: %.1f s%n",
                    shop.coldStart("/api/at-risk?limit=1"));
            try {
                awaitSettled(GeneratedShop.URL, shop.credentials.person());
                System.out.printf("risk refresh, %,d products, %,d changes over the last %d days%n", shop.products,
                        shop.changes, shop.days);
                measure(GeneratedShop.URL, shop.credentials.person(), shop.products, rounds);
            } finally {
                shop.radar.stop();
            }
            // the application's memory is the peers' now: on one machine they would not fit side by side
            peers(shop.jdbc, shop.now, rounds);
        }
    }

    /**
     * Waits until the cold start's reviews have filled the list (its total moving by under 0.1 % in each of three
     * 5-second looks: sales leaving the 7-day window keep moving it a little), so that the first refresh assesses
     * every product without rewriting rows the reviews had not reached yet.
     */
    static void awaitSettled(URI url, String person) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(30).toNanos();
        long total = -1;
        int unchanged = 0;
        while (unchanged < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the at-risk list did not settle within 30 minutes");
            }
            Thread.sleep(5_000);
            long now = json.readTree(http.send(HttpRequest.newBuilder(url.resolve("/api/at-risk?limit=1"))
                    .header("Authorization", person).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("total").asLong();
            unchanged = Math.abs(now - total) * 1000 <= now ? unchanged + 1 : 0;
            total = now;
        }
        System.out.printf("the list settled at %,d rows (the cold start's reviews) %.0f s after serving%n", total,
                (System.nanoTime() - started) / 1e9);
    }

    private static Memory memory(URI url, String person) {
        return new Memory(HttpClient.newHttpClient(), new ObjectMapper(), url, person);
    }

    /** {@code rounds} refreshes by POST to {@code path}, each printed with {@code label}. */
    private static void refreshes(HttpClient http, ObjectMapper json, URI url, String person, int rounds,
                                  String label, String path) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path))
                    .timeout(Duration.ofMinutes(30)).header("Authorization", person)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode refresh = json.readTree(response.body());
            System.out.printf("  %s %d: %,d ms in the grid (%,d ms with HTTP), %,d products (%,d assessed), "
                            + "%,d changes, %,d at risk, %d node(s)%n", label, round,
                    refresh.get("durationMillis").asLong(),
                    (System.nanoTime() - started) / 1_000_000, refresh.get("productsScanned").asLong(),
                    refresh.path("productsAssessed").asLong(-1),
                    refresh.get("changesScanned").asLong(), refresh.get("outOfStock").asLong()
                            + refresh.get("seedRule").asLong() + refresh.get("trending").asLong(),
                    refresh.get("nodes").asInt());
        }
    }

    /** Refresh rounds, then reads of every kind. */
    private static void measure(URI url, String person, long products, int rounds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Memory memory = memory(url, person);
        refreshes(http, json, url, person, rounds, "grid round", "/api/risk/refresh");
        // every product assessed again, as the first refresh after a start or after midnight does, but warm
        refreshes(http, json, url, person, rounds, "grid full round", "/api/risk/refresh?full=true");
        memory.print("after the refreshes");
        reads(http, url, person, "the dashboard's first page", i -> "/api/at-risk?limit=50");
        reads(http, url, person, "pages further down", i -> "/api/at-risk?limit=50&offset=" + (i % 100) * 50);
        for (String riskClass : List.of("OUT_OF_STOCK", "SEED_RULE", "TRENDING")) {
            reads(http, url, person, "class " + riskClass, i -> "/api/at-risk?limit=50&class=" + riskClass);
        }
        for (String sort : SORTS) {
            for (String direction : List.of("asc", "desc")) {
                reads(http, url, person, "sorted by " + sort + " " + direction,
                        i -> "/api/at-risk?limit=50&sort=" + sort + "&dir=" + direction);
            }
        }
        reads(http, url, person, "search of a name fragment",
                i -> "/api/at-risk?limit=50&q=roduct%20" + (i % 90 + 10));
        reads(http, url, person, "search of a product id",
                i -> "/api/at-risk?limit=50&q=" + (1 + i * 7919L % products));
        reads(http, url, person, "class, search and sort together",
                i -> "/api/at-risk?limit=50&class=TRENDING&q=" + (i % 9 + 1) + "&sort=dailyDemand&dir=desc");
    }

    /** The peers, on the same rows: DuckDB (a copy in memory), then PostgreSQL itself. */
    private static void peers(String jdbc, long now, int rounds) throws Exception {
        duckDb(jdbc, now, rounds);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            // its best plain form: enough memory for the aggregate's hash table of every product, as a DBA would
            // give the session (the default 4 MB spills it to disk)
            s.execute("SET work_mem = '" + POSTGRES_WORK_MEM + "'");
            System.out.printf("  PostgreSQL session: work_mem %s%n", POSTGRES_WORK_MEM);
            seedRule("PostgreSQL", c, now, rounds);
        }
    }

    /** Latency of reading the at-risk list, one reader, after 20 unmeasured warm-up reads. */
    private static void reads(HttpClient http, URI url, String authorization, String what,
                              IntFunction<String> path) throws Exception {
        int count = 200;
        long[] nanos = new long[count];
        for (int i = -20; i < count; i++) {
            String request = path.apply(i + 20);
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(request))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 && i == -20) {
                System.out.printf("  at-risk read, %s: not offered by this build%n", what);
                return;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request + " answered " + response.statusCode());
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("  at-risk read, %s (%d requests): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, count,
                nanos[count / 2] / 1e6, nanos[count * 99 / 100] / 1e6, nanos[count - 1] / 1e6);
    }

    /** The node's data region as the grid fills: the differences split bytes per product into what fills them. */
    private record Memory(HttpClient http, ObjectMapper json, URI url, String authorization) {
        void print(String stage) throws Exception {
            double used = metric("radar.grid.memory.used");
            double products = metric("radar.grid.products");
            double changes = metric("radar.grid.changes");
            System.out.printf("  grid memory %s: %,.0f bytes used in the data region for %,.0f products and %,.0f "
                    + "changes, %,.0f bytes per product%n", stage, used, products, changes, used / Math.max(1, products));
        }

        private double metric(String name) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/actuator/metrics/" + name))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
        }
    }

    /** The second peer: the same rows in an in-memory DuckDB, then the brief's rule as the same {@code GROUP BY}. */
    private static void duckDb(String jdbc, long now, int rounds) throws Exception {
        try (Connection duck = DuckDbCopy.of(jdbc,
                new DuckDbCopy.Table("product", "id BIGINT PRIMARY KEY", "stock BIGINT"),
                new DuckDbCopy.Table("inventory_change", "id BIGINT", "pid BIGINT", "type VARCHAR",
                        "quantity BIGINT", "timestamp BIGINT"))) {
            seedRule("DuckDB", duck, now, rounds);
        }
    }

    /** Times a peer's run of the brief's rule as one {@code GROUP BY}, round by round. */
    private static void seedRule(String peer, Connection c, long now, int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            long atRisk;
            try (var query = c.prepareStatement(SEED_RULE_SQL)) {
                query.setLong(1, now);
                query.setFetchSize(50_000);
                atRisk = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        atRisk++;
                    }
                }
            }
            System.out.printf("  %s GROUP BY round %d: %,d ms, %,d at risk by the 7-day rule%n", peer, round,
                    (System.nanoTime() - started) / 1_000_000, atRisk);
        }
    }

    private static void load(StockoutRadarClient catalogue, StockoutRadarClient ingest, int products,
                             int salesPerProduct, int maxStock, boolean importProducts, long now, String jdbc,
                             Memory memory) throws Exception {
        memory.print("empty");
        Random random = new Random(7);
        Path csv = Files.createTempFile("risk-bench-products-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (int id = 1; id <= products; id++) {
                out.write(id + "," + random.nextInt(maxStock) + ",Product " + id + "\n");
            }
        }
        long started = System.nanoTime();
        if (importProducts) {
            catalogue.importProducts(csv);
            System.out.printf("loaded %,d products in %,d ms%n", products, (System.nanoTime() - started) / 1_000_000);
            memory.print("with the products");
        }
        Files.delete(csv);
        started = System.nanoTime();
        long sales = (long) products * salesPerProduct;
        // two batches in flight, as the ingestion bench found best for 2 cores
        ExecutorService senders = Executors.newFixedThreadPool(2);
        Semaphore inFlight = new Semaphore(4);
        List<Future<?>> sent = new ArrayList<>();
        List<SaleRequest> batch = new ArrayList<>(10_000);
        for (long i = 0; i < sales; i++) {
            batch.add(new SaleRequest((long) random.nextInt(10_000_000), 1L + random.nextInt(products),
                    1L + random.nextInt(3), now - random.nextInt(7 * 86_400), null));
            if (batch.size() == 10_000 || i == sales - 1) {
                List<SaleRequest> full = List.copyOf(batch);
                batch.clear();
                inFlight.acquire();
                sent.add(senders.submit(() -> {
                    try {
                        ingest.sales(full);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        System.out.printf("loaded %,d sales in %,d ms%n", sales, (System.nanoTime() - started) / 1_000_000);
        memory.print("with the products and their changes");
        if (jdbc != null) {
            try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                while (true) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM inventory_change")) {
                        rs.next();
                        if (rs.getLong(1) >= sales) {
                            break;
                        }
                    }
                    Thread.sleep(500);
                }
                s.execute("ANALYZE");
            }
        }
    }
}
