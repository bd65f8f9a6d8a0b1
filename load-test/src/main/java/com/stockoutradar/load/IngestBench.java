package com.stockoutradar.load;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * Measures ingestion of a running Stockout Radar over HTTP: single {@code POST /sale} latency and throughput at a
 * fixed concurrency, {@code POST /sales} batch throughput, and how long the outbox takes to bring PostgreSQL's
 * row count to the acknowledged count.
 * <pre>
 * PG_PASSWORD=$(cat data/security/postgres-password)    # the embedded PostgreSQL's
 * RADAR_API_KEY=sr_… java -jar load-test/target/load-test.jar --url=http://127.0.0.1:8080 \
 *      --jdbc="jdbc:postgresql://127.0.0.1:54329/postgres?user=postgres&amp;password=$PG_PASSWORD" \
 *      --products=250 --customers=10000000 --single=5000 --concurrency=4 --batches=40 --batch-size=10000 \
 *      --batch-concurrency=2 --peer=true
 * </pre>
 * It records sales with an API key with the INGEST role ({@code --api-key} or {@code RADAR_API_KEY}, see
 * {@link Credentials}).
 * With {@code --peer=true} it also runs the plain way in the same PostgreSQL (tables of its own, dropped afterwards):
 * one INSERT and one stock UPDATE per sale, as many sales on as many connections as the single POSTs.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        String jdbc = options.get("jdbc");
        int products = Integer.parseInt(options.getOrDefault("products", "250"));
        int single = Integer.parseInt(options.getOrDefault("single", "5000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "4"));
        int batches = Integer.parseInt(options.getOrDefault("batches", "40"));
        int batchSize = Integer.parseInt(options.getOrDefault("batch-size", "10000"));
        int batchConcurrency = Integer.parseInt(options.getOrDefault("batch-concurrency", "2"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000000"));
        StockoutRadarClient client = new StockoutRadarClient(url, Credentials.given(options).ingest());

        System.out.printf("ingest bench against %s, products 1..%d, customers 1..%d, %d cores here%n", url, products,
                customers, Runtime.getRuntime().availableProcessors());
        long rowsBefore = jdbc == null ? 0 : rows(jdbc);
        // warm-up: JIT and connection pools on both sides
        run(Math.min(single, 1_000), concurrency, () -> client.sale(sale(products, customers)));
        run(2, 1, () -> client.sales(batch(products, customers, batchSize)));
        long acknowledged = Math.min(single, 1_000) + 2L * batchSize;

        Result singles = run(single, concurrency, () -> client.sale(sale(products, customers)));
        acknowledged += single;
        System.out.printf("POST /sale     %,d requests, %d concurrent: %,.0f sales/s; latency ms p50 %.2f  p90 %.2f"
                        + "  p99 %.2f  max %.2f%n", single, concurrency, single / singles.seconds(),
                singles.percentile(50), singles.percentile(90), singles.percentile(99), singles.percentile(100));

        Result batched = run(batches, batchConcurrency, () -> client.sales(batch(products, customers, batchSize)));
        acknowledged += (long) batches * batchSize;
        System.out.printf("POST /sales    %,d batches of %,d, %d concurrent: %,.0f sales/s; batch latency ms p50 %.1f"
                        + "  p99 %.1f%n", batches, batchSize, batchConcurrency,
                batches * (double) batchSize / batched.seconds(), batched.percentile(50), batched.percentile(99));

        if (jdbc != null && "true".equals(options.get("peer"))) {
            Result peer = plainPostgres(jdbc, products, customers, single, concurrency);
            System.out.printf("peer: plain PostgreSQL, one INSERT + stock UPDATE per sale in a transaction, %,d sales, %d "
                            + "connections: %,.0f sales/s; latency ms p50 %.2f  p99 %.2f%n", single, concurrency,
                    single / peer.seconds(), peer.percentile(50), peer.percentile(99));
            System.out.printf("ratio: grid batches %.1f× the plain PostgreSQL way; grid single POSTs %.1f×%n",
                    (batches * (double) batchSize / batched.seconds()) / (single / peer.seconds()),
                    (single / singles.seconds()) / (single / peer.seconds()));
        }
        if (jdbc != null) {
            long target = rowsBefore + acknowledged;
            long waitStart = System.nanoTime();
            long rows;
            while ((rows = rows(jdbc)) < target) {
                Thread.sleep(100);
            }
            System.out.printf("to PostgreSQL  PostgreSQL reached %,d rows (acknowledged %,d) %.1f s after the last "
                    + "acknowledgement%n", rows - rowsBefore, acknowledged, (System.nanoTime() - waitStart) / 1e9);
        }
    }

    /**
     * The plain way, in the same PostgreSQL on tables of its own: each sale an INSERT into a change table and an
     * UPDATE of the product's stock, committed together, from {@code connections} threads.
     */
    private static Result plainPostgres(String jdbc, int products, int customers, int sales, int connections) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_change, bench_product");
            s.execute("CREATE TABLE bench_product (id bigint PRIMARY KEY, stock bigint NOT NULL)");
            s.execute("CREATE TABLE bench_change (id bigserial PRIMARY KEY, pid bigint NOT NULL, type text NOT NULL, "
                    + "quantity bigint NOT NULL, timestamp bigint NOT NULL, customer_id bigint)");
            s.execute("CREATE INDEX bench_change_pid ON bench_change (pid)");
            s.execute("INSERT INTO bench_product SELECT g, 1000000 FROM generate_series(1, " + products + ") g");
        }
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbc);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            return run(sales, connections, () -> {
                Connection c = connection.get();
                opened.add(c);
                SaleRequest sale = sale(products, customers);
                try (var insert = c.prepareStatement("INSERT INTO bench_change (pid, type, quantity, timestamp, "
                        + "customer_id) VALUES (?, 'SALE', ?, ?, ?)");
                     var update = c.prepareStatement("UPDATE bench_product SET stock = stock - ? WHERE id = ?")) {
                    insert.setLong(1, sale.productId());
                    insert.setLong(2, sale.quantity());
                    insert.setLong(3, sale.timestamp());
                    insert.setLong(4, sale.customerId());
                    insert.executeUpdate();
                    update.setLong(1, sale.quantity());
                    update.setLong(2, sale.productId());
                    update.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            for (Connection c : new ArrayList<>(opened)) {
                c.close();
            }
            try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_change, bench_product");
            }
        }
    }

    private static SaleRequest sale(int products, int customers) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new SaleRequest((long) random.nextInt(1, customers + 1), (long) random.nextInt(1, products + 1),
                (long) random.nextInt(1, 4), System.currentTimeMillis() / 1000, null);
    }

    private static List<SaleRequest> batch(int products, int customers, int size) {
        List<SaleRequest> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(sale(products, customers));
        }
        return batch;
    }

    private record Result(double[] millis, double seconds) {
        double percentile(double p) {
            int index = (int) Math.ceil(p / 100 * millis.length) - 1;
            return millis[Math.max(0, Math.min(millis.length - 1, index))];
        }
    }

    /** {@code count} calls of {@code call} on {@code threads} threads; latency of each, and the wall time. */
    private static Result run(int count, int threads, Runnable call) throws Exception {
        double[] millis = new double[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        call.run();
                        millis[i] = (System.nanoTime() - began) / 1e6;
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(millis);
        return new Result(millis, seconds);
    }

    private static long rows(String jdbc) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT count(*) FROM inventory_change")) {
            count.next();
            return count.getLong(1);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
