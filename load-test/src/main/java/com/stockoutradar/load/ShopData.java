package com.stockoutradar.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A shop written straight into PostgreSQL with {@code generate_series}: products 1..N and M changes spread evenly
 * over the last days up to now (7 for the risk benches; the analysts' week-over-week questions need 14; ids rising
 * with time, as the grid assigns them), 9 in 10 sales by customers 1..100 000, every third change with an event id.
 * Far faster than the API, for benchmarks that start from PostgreSQL.
 */
final class ShopData {
    /** The secondary indexes of the schema, dropped while filling and built again afterwards. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX inventory_change_pid_ts_idx ON inventory_change (pid, timestamp)",
            "CREATE INDEX inventory_change_ts_idx ON inventory_change (timestamp)",
            "CREATE INDEX inventory_change_event_id_idx ON inventory_change (event_id) WHERE event_id IS NOT NULL");

    private final String jdbc;

    ShopData(String jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet table = s.executeQuery("SELECT to_regclass('public.product') IS NOT NULL")) {
            table.next();
            return table.getBoolean(1);
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Replaces whatever the tables hold, with changes over the {@code days} up to {@code now} and stock spread evenly
     * below {@code maxStock}; {@code threads} connections insert id ranges side by side.
     */
    void fill(long products, long changes, long now, int days, int maxStock, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("TRUNCATE product, inventory_change");
            s.execute("DROP INDEX IF EXISTS inventory_change_pid_ts_idx, inventory_change_ts_idx, "
                    + "inventory_change_event_id_idx");
        }
        inParallel(threads, products, (from, to) -> "INSERT INTO product (id, stock, name, updated_at, version) "
                + "SELECT g, (g * 7919) % " + maxStock + ", 'product ' || g, " + now + ", 4 FROM generate_series(" + from + "::bigint, "
                + to + ") g");
        long span = days * 86_400L;
        long start = now - span;
        inParallel(threads, changes, (from, to) -> "INSERT INTO inventory_change "
                + "(id, pid, type, quantity, timestamp, customer_id, event_id, stock_after) "
                + "SELECT g, 1 + (g * 2654435761) % " + products + ", "
                // a product's changes are g, g + products, g + 2 products, ...: one in ten a restock, any of them
                + "CASE WHEN (g + g / " + products + ") % 10 = 0 THEN 'RESTOCK' ELSE 'SALE' END, 1 + g % 3, "
                + start + " + g * " + span + " / " + changes + ", "
                + "CASE WHEN (g + g / " + products + ") % 10 = 0 THEN NULL ELSE 1 + g % 100000 END, "
                // stock after: every 400th change leaves its product at zero, a stock-out when it is a sale
                + "CASE WHEN g % 3 = 0 THEN 'order-' || g END, ((g + 1) * 31) % 400 "
                + "FROM generate_series(" + from + "::bigint, " + to + ") g");
        List<String> last = new ArrayList<>(INDEXES);
        last.add("ANALYZE product");
        last.add("ANALYZE inventory_change");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String sql : last) {
                done.add(pool.submit(() -> execute(sql)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private interface RangeSql {
        String of(long from, long to);
    }

    private void inParallel(int threads, long rows, RangeSql sql) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            long step = 1_000_000;
            for (long from = 1; from <= rows; from += step) {
                String statement = sql.of(from, Math.min(rows, from + step - 1));
                done.add(pool.submit(() -> execute(statement)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private Void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute(sql);
        }
        return null;
    }
}
