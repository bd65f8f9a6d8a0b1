package com.stockoutradar.grid.store;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.cache.CachePeekMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.BulkProgress;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.OnServerNode;
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.Product;

/**
 * Refills an empty grid from PostgreSQL: every product, and the changes inside the retention window with their
 * event ids, so that a restart keeps stock, history and idempotency. Streams rows (cursor, then data streamer);
 * nothing loaded is written back to PostgreSQL.
 */
@Component
@OnServerNode
public class ColdStartLoader {
    private static final Logger log = LoggerFactory.getLogger(ColdStartLoader.class);
    private static final int FETCH_SIZE = 10_000;
    private static final String PRODUCTS_WITH_DAYS = """
            SELECT p.id, p.stock, p.name, p.updated_at, p.version, d.days
            FROM product p LEFT JOIN (
                SELECT pid, array_agg(ARRAY[day, sales, restocks, first_change, last_change, changes] ORDER BY day) AS days
                FROM (SELECT pid, timestamp / 86400 AS day,
                             COALESCE(SUM(quantity) FILTER (WHERE type = 'SALE'), 0)::bigint AS sales,
                             COALESCE(SUM(quantity) FILTER (WHERE type = 'RESTOCK'), 0)::bigint AS restocks,
                             MIN(timestamp) AS first_change, MAX(timestamp) AS last_change, COUNT(*) AS changes
                      FROM inventory_change WHERE timestamp >= ? GROUP BY pid, timestamp / 86400) AS per_day
                GROUP BY pid) AS d ON d.pid = p.id""";

    private final DataSource dataSource;
    private final GridProperties grid;

    public ColdStartLoader(DataSource dataSource, GridProperties grid) {
        this.dataSource = dataSource;
        this.grid = grid;
    }

    /** Callers make sure only one node at a time gets here. */
    public void loadIfEmpty(Ignite ignite) {
        try {
            long products = ignite.cache(PRODUCT_CACHE).size(CachePeekMode.PRIMARY);
            if (products > 0) {
                log.info("the grid already holds {} products: no cold start", products);
                return;
            }
            long now = System.currentTimeMillis() / 1000;
            loadProducts(ignite, now);
            loadChanges(ignite, now - grid.retention().toSeconds());
        } catch (SQLException e) {
            throw new IllegalStateException("cold start from PostgreSQL failed", e);
        }
    }

    /** Products with their {@link DemandDays}, summed per day by PostgreSQL from the changes of the kept days. */
    private void loadProducts(Ignite ignite, long now) throws SQLException {
        try (IgniteDataStreamer<Long, Product> streamer = ignite.dataStreamer(PRODUCT_CACHE);
             Connection c = cursorConnection();
             PreparedStatement select = c.prepareStatement(PRODUCTS_WITH_DAYS)) {
            BulkProgress progress = new BulkProgress("cold start: products", count(c, "SELECT count(*) FROM product", 0));
            select.setLong(1, DemandDays.keptSince(now));
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    streamer.addData(row.getLong(1), new Product(row.getLong(2), row.getString(3), row.getLong(4),
                            row.getLong(5), days(row.getArray(6))));
                    progress.step();
                }
            }
            streamer.flush();
            progress.done();
        }
    }

    private void loadChanges(Ignite ignite, long since) throws SQLException {
        try (IgniteDataStreamer<InventoryChangeKey, InventoryChange> streamer = ignite.dataStreamer(CHANGE_CACHE);
             Connection c = cursorConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + ChangeRows.COLUMNS + " FROM inventory_change WHERE timestamp > ?")) {
            streamer.allowOverwrite(true);
            streamer.receiver(new RetainedChangeReceiver());
            BulkProgress progress = new BulkProgress("cold start: changes of the retention window",
                    count(c, "SELECT count(*) FROM inventory_change WHERE timestamp > ?", since));
            select.setLong(1, since);
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    streamer.addData(ChangeRows.key(row), ChangeRows.change(row));
                    progress.step();
                }
            }
            streamer.flush();
            progress.done();
        }
    }

    private static long[] days(Array totals) throws SQLException {
        if (totals == null) {
            return null;
        }
        Object[] rows = (Object[]) totals.getArray();
        long[][] days = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            days[i] = Arrays.stream((Object[]) rows[i]).mapToLong(v -> ((Number) v).longValue()).toArray();
        }
        return DemandDays.of(days);
    }

    /** PostgreSQL streams a result with a cursor only inside a transaction. */
    private Connection cursorConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        c.setReadOnly(true);
        return c;
    }

    private static long count(Connection c, String sql, long since) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                count.setLong(1, since);
            }
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
