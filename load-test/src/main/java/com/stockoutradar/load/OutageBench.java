package com.stockoutradar.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.stockoutradar.api.ApiException;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL stopped under load and started again: sales keep coming at a fixed rate (batches of {@code POST /sales}
 * with event ids) while PostgreSQL is down for {@code --down} seconds. Prints the answers by status, how long
 * PostgreSQL took to catch up after it came back, and checks the promise: every acknowledged sale in PostgreSQL
 * exactly once, nothing twice, every product's stock in PostgreSQL equal to its history and to the grid's. The
 * application it starts knows the bench's user and API key, made up for the run ({@link Credentials#generated}).
 * <pre>
 * java -Dloader.main=com.stockoutradar.load.OutageBench -jar load-test/target/load-test.jar \
 *      --work=/work/outage-bench --rate=2000 --down=60 --products=10000
 * </pre>
 */
public final class OutageBench {
    private static final long INITIAL_STOCK = 1_000_000_000L;
    private static final int BATCH = 50;

    /** Records the sales, with the bench's API key. */
    private final StockoutRadarClient ingest;
    /** The bench's ADMIN user: imports the products, reads their stock for the check. */
    private final StockoutRadarClient admin;
    private final int products;
    private final Map<String, SaleRequest> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sequence = new AtomicLong();

    private OutageBench(StockoutRadarClient ingest, StockoutRadarClient admin, int products) {
        this.ingest = ingest;
        this.admin = admin;
        this.products = products;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        int downSeconds = Integer.parseInt(options.getOrDefault("down", "60"));
        int products = Integer.parseInt(options.getOrDefault("products", "10000"));
        Path work = Path.of(options.getOrDefault("work", "load-test/target/outage-bench")).toAbsolutePath();
        Path jar = Path.of(options.getOrDefault("jar", "web-dashboard/target/stockout-radar.jar")).toAbsolutePath();
        RestartBench.deleteTree(work);
        Files.createDirectories(work);
        int port = Integer.parseInt(options.getOrDefault("postgres-port", "54401"));
        EmbeddedPostgres postgres = LocalPostgres.start(work.resolve("postgres"), port);
        String jdbc = LocalPostgres.jdbcUrl(postgres);
        URI url = URI.create("http://127.0.0.1:18080");
        Credentials credentials = Credentials.generated();
        RadarProcess radar = new RadarProcess(jar, options.getOrDefault("heap", "2g"), List.of(
                "--spring.datasource.url=" + jdbc, "--radar.demo.enabled=false", "--radar.risk.refresh-on-start=false",
                "--radar.risk.backtest-on-start=false",
                "--radar.grid.work-directory=" + work.resolve("ignite"), "--server.port=18080",
                "--radar.grid.discovery-port=47800",
                "--radar.grid.communication-port=47400", "--radar.grid.client-connector-port=11800"),
                credentials, work.resolve("application.log"), url);
        System.out.printf("outage bench: %,d sales/s in batches of %d over %,d products, PostgreSQL down %d s%n", rate,
                BATCH, products, downSeconds);
        System.out.printf("machine: %d cores, %.1f GiB RAM, %s %s; application: %s%n",
                Runtime.getRuntime().availableProcessors(), RestartBench.totalMemoryGiB(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), radar.shownCommand());
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            radar.start();
            radar.awaitAnswer("/actuator/health", System.nanoTime(), Duration.ofMinutes(5));
            StockoutRadarClient admin = new StockoutRadarClient(url, credentials.person());
            Path csv = work.resolve("products.csv");
            StringBuilder lines = new StringBuilder();
            for (int p = 1; p <= products; p++) {
                lines.append(p).append(',').append(INITIAL_STOCK).append('\n');
            }
            Files.writeString(csv, lines);
            admin.importProducts(csv);
            OutageBench bench = new OutageBench(new StockoutRadarClient(url, credentials.ingest()), admin, products);

            long intervalMicros = 1_000_000L * BATCH / rate;
            ticks.scheduleAtFixedRate(() -> senders.submit(bench::sendBatch), 0, intervalMicros,
                    TimeUnit.MICROSECONDS);
            Thread.sleep(10_000);
            bench.report("before the outage (10 s)");
            postgres.close();
            System.out.printf("PostgreSQL stopped; %,d acknowledged so far%n", bench.acknowledged.size());
            Thread.sleep(downSeconds * 1000L);
            bench.report("through the outage");
            postgres = LocalPostgres.start(work.resolve("postgres"), port);
            long back = System.nanoTime();
            System.out.printf("PostgreSQL started again; %,d acknowledged so far%n", bench.acknowledged.size());
            Thread.sleep(10_000);
            ticks.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
            bench.report("in all, 10 s after PostgreSQL came back");
            double caughtUp = bench.awaitAllInPostgres(jdbc, back);
            System.out.printf("PostgreSQL held every acknowledged sale %.1f s after it came back%n", caughtUp);
            bench.check(jdbc);
        } finally {
            ticks.shutdownNow();
            senders.shutdownNow();
            radar.killIfAlive();
            postgres.close();
        }
    }

    private void sendBatch() {
        List<SaleRequest> batch = new ArrayList<>(BATCH);
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < BATCH; i++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            batch.add(new SaleRequest(random.nextLong(1, 100_000), random.nextLong(1, products + 1L),
                    random.nextLong(1, 4), now, "outage-" + sequence.incrementAndGet()));
        }
        long started = System.nanoTime();
        int status;
        try {
            ingest.sales(batch);
            status = 201;
            batch.forEach(sale -> acknowledged.put(sale.eventId(), sale));
        } catch (ApiException e) {
            status = e.status();
        } catch (RuntimeException e) {
            status = 0; // no answer
        }
        latencies.add((System.nanoTime() - started) / 1_000);
        answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private void report(String when) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        sorted.sort(Long::compare);
        Map<Integer, Long> byStatus = new HashMap<>();
        answers.forEach((status, count) -> byStatus.put(status, count.get()));
        System.out.printf("%s: batches by status %s (0: no answer); %,d sales acknowledged; batch latency p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", when, byStatus, acknowledged.size(),
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1000.0;
    }

    private double awaitAllInPostgres(String jdbc, long backNanos) throws Exception {
        String[] eventIds = acknowledged.keySet().toArray(String[]::new);
        while (true) {
            try (Connection c = DriverManager.getConnection(jdbc);
                 PreparedStatement count = c.prepareStatement(
                         "SELECT count(DISTINCT event_id) FROM inventory_change WHERE event_id = ANY(?)")) {
                Array ids = c.createArrayOf("text", eventIds);
                count.setArray(1, ids);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == eventIds.length) {
                        return (System.nanoTime() - backNanos) / 1e9;
                    }
                }
            } catch (SQLException notYet) {
                // PostgreSQL still starting
            }
            if (System.nanoTime() - backNanos > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("PostgreSQL did not catch up within 10 minutes");
            }
            Thread.sleep(250);
        }
    }

    /** The promise, checked; prints each count and fails loudly on any difference. */
    private void check(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement sql = c.createStatement()) {
            long twice = single(sql, "SELECT count(*) FROM (SELECT event_id FROM inventory_change "
                    + "WHERE event_id IS NOT NULL GROUP BY event_id HAVING count(*) > 1) t");
            long idsTwice = single(sql, "SELECT count(*) - count(DISTINCT id) FROM inventory_change");
            long offHistory = single(sql, "SELECT count(*) FROM product p WHERE p.stock <> " + INITIAL_STOCK
                    + " - (SELECT COALESCE(sum(quantity), 0) FROM inventory_change c WHERE c.pid = p.id)");
            long mismatches = 0;
            try (ResultSet rows = sql.executeQuery("SELECT id, stock FROM product")) {
                while (rows.next()) {
                    if (admin.product(rows.getLong(1)).orElseThrow().stock() != rows.getLong(2)) {
                        mismatches++;
                    }
                }
            }
            System.out.printf("check: %,d acknowledged sales all in PostgreSQL; event ids stored twice: %d; change ids "
                            + "stored twice: %d; products whose PostgreSQL stock differs from their history: %d; from "
                            + "the grid: %d%n", acknowledged.size(), twice, idsTwice, offHistory, mismatches);
            if (twice + idsTwice + offHistory + mismatches > 0) {
                throw new IllegalStateException("the promise does not hold");
            }
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
