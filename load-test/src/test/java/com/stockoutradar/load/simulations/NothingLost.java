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
    private long changesBefore;

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

    void before() {
        if (enabled()) {
            changesBefore = count(postgres, "SELECT count(*) FROM inventory_change");
        }
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
        Map<Long, Long> lastStockAfter = stock(postgres, """
                SELECT DISTINCT ON (pid) pid, stock_after FROM inventory_change ORDER BY pid, id DESC""");
        deadline = System.currentTimeMillis() + 30_000;
        Map<Long, Long> postgresStock;
        while (!(postgresStock = stock(postgres, "SELECT id, stock FROM product")).equals(gridStock)
                && System.currentTimeMillis() < deadline) {
            sleep();
        }
        require(postgresStock.equals(gridStock), "stock in PostgreSQL differs from the grid's");
        lastStockAfter.forEach((pid, stockAfter) -> require(stockAfter.equals(gridStock.get(pid)),
                "product " + pid + ": stock " + gridStock.get(pid) + " but its last change left " + stockAfter));
        System.out.printf("nothing lost: %d acknowledged = %d new rows in PostgreSQL; grid and PostgreSQL both hold %d "
                + "changes; %d products' stock matches their changes%n", acknowledged, inPostgres, inGrid,
                lastStockAfter.size());
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
