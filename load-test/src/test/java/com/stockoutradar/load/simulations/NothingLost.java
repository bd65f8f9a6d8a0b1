package com.stockoutradar.load.simulations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The check after a load run: every acknowledged change is in PostgreSQL and in the grid exactly once, and every
 * product's stock agrees with its changes. Needs {@code jdbc} (PostgreSQL, with {@code postgresPassword} if it asks
 * for one) and {@code igniteJdbc} (thin driver, signed in as {@code user} with {@code password}: ANALYST or ADMIN).
 */
final class NothingLost {
    private final Database postgres = new Database("PostgreSQL", System.getProperty("jdbc"),
            credentials(null, System.getProperty("postgresPassword")));
    private final Database grid = new Database("the grid", System.getProperty("igniteJdbc"),
            credentials(System.getProperty("user"), System.getProperty("password")));
    private static final String SIGNED_SUMS = """
            SELECT pid, SUM(CASE WHEN type = 'SALE' THEN -quantity ELSE quantity END) FROM inventory_change
            GROUP BY pid""";
    private long changesBefore;
    private Map<Long, Long> stockBefore;
    private Map<Long, Long> sumsBefore;

    /** A JDBC URL and who signs in there; the password is never printed. */
    private record Database(String name, String url, Properties credentials) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, credentials);
        }
    }

    private static Properties credentials(String user, String password) {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    boolean enabled() {
        return postgres.url() != null && grid.url() != null;
    }

    /** What the run starts from, once PostgreSQL holds every change the grid has. */
    void before() {
        if (!enabled()) {
            return;
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(postgres, "SELECT count(*) FROM inventory_change")
                != count(grid, "SELECT COUNT(*) FROM INVENTORY_CHANGE") && System.currentTimeMillis() < deadline) {
            sleep();
        }
        changesBefore = count(postgres, "SELECT count(*) FROM inventory_change");
        stockBefore = stock(grid, "SELECT id, stock FROM PRODUCT");
        sumsBefore = stock(postgres, SIGNED_SUMS);
    }

    /** Waits for PostgreSQL to catch up, then compares acknowledged, PostgreSQL and grid; throws on any difference. */
    void verify(long acknowledged) {
        if (!enabled()) {
            return;
        }
        long deadline = System.currentTimeMillis() + 60_000;
        long inPostgres;
        while ((inPostgres = count(postgres, "SELECT count(*) FROM inventory_change") - changesBefore) < acknowledged
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        long distinct = count(postgres, "SELECT count(DISTINCT id) FROM inventory_change");
        long allInPostgres = count(postgres, "SELECT count(*) FROM inventory_change");
        long inGrid = count(grid, "SELECT COUNT(*) FROM INVENTORY_CHANGE");
        require(inPostgres == acknowledged, "acknowledged " + acknowledged + " changes, PostgreSQL gained " + inPostgres);
        require(distinct == allInPostgres, "PostgreSQL holds " + (allInPostgres - distinct) + " duplicate ids");
        require(inGrid == allInPostgres, "the grid holds " + inGrid + " changes, PostgreSQL " + allInPostgres);
        Map<Long, Long> gridStock = stock(grid, "SELECT id, stock FROM PRODUCT");
        Map<Long, Long> sums = stock(postgres, SIGNED_SUMS);
        deadline = System.currentTimeMillis() + 30_000;
        Map<Long, Long> postgresStock;
        while (!(postgresStock = stock(postgres, "SELECT id, stock FROM product")).equals(gridStock)
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        require(postgresStock.equals(gridStock), "stock in PostgreSQL differs from the grid's");
        // Change ids are taken before a product's lock, so their order is not the order of commits: the stock is
        // checked against the sum of the run's changes, which needs no order.
        gridStock.forEach((pid, stock) -> {
            long expected = stockBefore.getOrDefault(pid, 0L) + sums.getOrDefault(pid, 0L)
                    - sumsBefore.getOrDefault(pid, 0L);
            require(stock == expected, "product " + pid + ": stock " + stock + ", but its stock before the run and "
                    + "the run's changes make " + expected);
        });
        System.out.printf("nothing lost: %d acknowledged = %d new rows in PostgreSQL; grid and PostgreSQL both hold %d "
                + "changes; %d products' stock equals their stock before the run plus the run's changes%n",
                acknowledged, inPostgres, inGrid, gridStock.size());
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("load run lost or doubled data: " + problem);
        }
    }

    private static long count(Database database, String sql) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database.name() + " failed", e);
        }
    }

    private static Map<Long, Long> stock(Database database, String sql) {
        Map<Long, Long> stock = new HashMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                stock.put(rs.getLong(1), rs.getLong(2));
            }
            return stock;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database.name() + " failed", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
