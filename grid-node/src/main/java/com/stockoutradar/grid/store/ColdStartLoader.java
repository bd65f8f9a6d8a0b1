package com.stockoutradar.grid.store;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_DAY_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_DAY_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REVIEW_CACHE;
import static com.stockoutradar.api.GridNames.STOCK_OUT_CACHE;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.cache.CachePeekMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
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
import com.stockoutradar.grid.risk.RiskReview;
import com.stockoutradar.grid.summary.CustomerDay;
import com.stockoutradar.grid.summary.CustomerDayKey;
import com.stockoutradar.grid.summary.CustomerWeek;
import com.stockoutradar.grid.summary.ProductDay;
import com.stockoutradar.grid.summary.ProductDayKey;
import com.stockoutradar.grid.summary.ProductWeek;
import com.stockoutradar.grid.summary.SalesSummaries;
import com.stockoutradar.grid.summary.StockOut;

/**
 * Refills an empty grid from PostgreSQL: every product, and the changes inside the retention window with their
 * event ids, so that a restart keeps stock, history and idempotency. Each table arrives as one binary
 * {@code COPY ... TO STDOUT} read straight into a data streamer. Nothing loaded is written back to PostgreSQL.
 */
@Component
@OnServerNode
public class ColdStartLoader {
    private static final Logger log = LoggerFactory.getLogger(ColdStartLoader.class);
    /** Rows per batch a streamer sends a node. */
    private static final int STREAMER_BATCH = 2_048;
    /**
     * The stock-outs of the changes since {@code %1$d}: each change that took its product's stock from above zero to
     * zero or below, and the next one of the product. In change id order, which is the order the grid applied them in
     * but between two batches that raced for a product.
     */
    private static final String STOCK_OUTS_SINCE = """
            SELECT pid, id, timestamp AS out_at, LEAD(id) OVER (PARTITION BY pid ORDER BY id) AS next_out
            FROM inventory_change
            WHERE timestamp > %1$d AND stock_after <= 0
              AND stock_after + CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END > 0""";
    /** The {@code STOCK_OUT} rows: each stock-out with the first restock after it and before the next stock-out. */
    private static final String STOCK_OUTS = """
            SELECT o.pid, o.id, o.out_at, r.timestamp
            FROM (%s) o LEFT JOIN LATERAL (
                SELECT timestamp FROM inventory_change r
                WHERE r.pid = o.pid AND r.type = 'RESTOCK' AND r.id > o.id
                  AND (o.next_out IS NULL OR r.id < o.next_out)
                ORDER BY r.id LIMIT 1) r ON true""".formatted(STOCK_OUTS_SINCE);
    /**
     * The products with their days' totals since {@code %2$d}, six bigints a day (as {@link DemandDays#of} takes
     * them), and the stock-out each awaits a restock for.
     */
    private static final String PRODUCTS_WITH_DAYS = """
            SELECT p.id, p.stock, p.name, p.updated_at, p.version, d.days, s.id
            FROM product p LEFT JOIN (
                SELECT pid, array_agg(ARRAY[day, sales, restocks, first_change, last_change, changes] ORDER BY day) AS days
                FROM (SELECT pid, timestamp / 86400 AS day,
                             COALESCE(SUM(quantity) FILTER (WHERE type = 'SALE'), 0)::bigint AS sales,
                             COALESCE(SUM(quantity) FILTER (WHERE type = 'RESTOCK'), 0)::bigint AS restocks,
                             MIN(timestamp) AS first_change, MAX(timestamp) AS last_change, COUNT(*) AS changes
                      FROM inventory_change WHERE timestamp >= %2$d GROUP BY pid, timestamp / 86400) AS per_day
                GROUP BY pid) AS d ON d.pid = p.id
            LEFT JOIN (
                SELECT o.pid, o.id FROM (%3$s) o
                WHERE o.next_out IS NULL AND NOT EXISTS (SELECT 1 FROM inventory_change r
                                                         WHERE r.pid = o.pid AND r.type = 'RESTOCK' AND r.id > o.id)
            ) AS s ON s.pid = p.id""".replace("%3$s", STOCK_OUTS_SINCE);
    /** The customers' units bought per day, in the same six numbers a day (restocks 0, purchases as changes). */
    private static final String CUSTOMERS_WITH_DAYS = """
            SELECT customer_id, array_agg(ARRAY[day, bought, 0, first_change, last_change, purchases] ORDER BY day)
            FROM (SELECT customer_id, timestamp / 86400 AS day, SUM(quantity)::bigint AS bought,
                         MIN(timestamp) AS first_change, MAX(timestamp) AS last_change, COUNT(*) AS purchases
                  FROM inventory_change WHERE type = 'SALE' AND customer_id IS NOT NULL AND timestamp >= %d
                  GROUP BY customer_id, timestamp / 86400) AS per_day
            GROUP BY customer_id""";
    private static final String CHANGES_SINCE =
            "SELECT " + ChangeRows.COLUMNS + " FROM inventory_change WHERE timestamp > %d";

    private final DataSource dataSource;
    private final GridProperties grid;

    public ColdStartLoader(DataSource dataSource, GridProperties grid) {
        this.dataSource = dataSource;
        this.grid = grid;
    }

    /** Callers make sure only one node at a time gets here. */
    public void loadIfEmpty(Ignite ignite) {
        long products = ignite.cache(PRODUCT_CACHE).size(CachePeekMode.PRIMARY);
        if (products > 0) {
            log.info("the grid already holds {} products: no cold start", products);
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        long started = System.currentTimeMillis();
        try {
            // One after the other: side by side on 2 cores, PostgreSQL's sums per day and the changes' index writes
            // slowed each other down more than they overlapped (1M products took 173 s instead of 48 s).
            long since = now - grid.retention().toSeconds();
            loadProducts(ignite, now, since);
            loadCustomers(ignite, now);
            loadChanges(ignite, since);
            loadStockOuts(ignite, since);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cold start from PostgreSQL failed", e);
        }
        log.info("cold start: done in {} ms", System.currentTimeMillis() - started);
    }

    /**
     * Products with their {@link DemandDays}, summed per day by PostgreSQL from the changes of the kept days, each due
     * for a risk review at once: the review assesses it, puts its {@code LIVE_RISK} row and its next review time.
     * Their summary rows come from the same days.
     */
    private void loadProducts(Ignite ignite, long now, long since) throws SQLException, IOException {
        try (IgniteDataStreamer<Long, Product> streamer = ignite.dataStreamer(PRODUCT_CACHE);
             IgniteDataStreamer<Long, RiskReview> reviews = ignite.dataStreamer(RISK_REVIEW_CACHE);
             IgniteDataStreamer<ProductDayKey, ProductDay> days = ignite.dataStreamer(PRODUCT_DAY_CACHE);
             IgniteDataStreamer<Long, ProductWeek> weeks = ignite.dataStreamer(PRODUCT_WEEK_CACHE);
             Connection c = dataSource.getConnection()) {
            streamer.perNodeBufferSize(STREAMER_BATCH);
            reviews.perNodeBufferSize(STREAMER_BATCH);
            days.perNodeBufferSize(STREAMER_BATCH);
            weeks.perNodeBufferSize(STREAMER_BATCH);
            RiskReview dueNow = new RiskReview(now);
            BulkProgress progress = new BulkProgress("cold start: products", count(c, "SELECT count(*) FROM product"));
            try (InputStream copy = copyOut(c, PRODUCTS_WITH_DAYS.formatted(since, DemandDays.keptSince(now)))) {
                BinaryCopyReader row = new BinaryCopyReader(copy);
                while (row.next()) {
                    long id = row.int8();
                    long stock = row.int8();
                    String name = row.text();
                    long updatedAt = row.int8();
                    long version = row.int8();
                    long[] totals = row.int8Array();
                    long[] demand = totals == null ? null : DemandDays.of(totals);
                    Long openStockOut = row.nullableInt8();
                    streamer.addData(id, new Product(stock, name, updatedAt, version, demand,
                            openStockOut == null ? 0 : openStockOut));
                    reviews.addData(id, dueNow);
                    SalesSummaries.load(id, demand, now, days, weeks);
                    progress.step();
                }
            }
            streamer.flush();
            reviews.flush();
            days.flush();
            weeks.flush();
            progress.done();
        }
    }

    /** Every customer who bought in the kept days, with the units bought per day, into the customers' summaries. */
    private void loadCustomers(Ignite ignite, long now) throws SQLException, IOException {
        try (IgniteDataStreamer<CustomerDayKey, CustomerDay> days = ignite.dataStreamer(CUSTOMER_DAY_CACHE);
             IgniteDataStreamer<Long, CustomerWeek> weeks = ignite.dataStreamer(CUSTOMER_WEEK_CACHE);
             Connection c = dataSource.getConnection()) {
            days.perNodeBufferSize(STREAMER_BATCH);
            weeks.perNodeBufferSize(STREAMER_BATCH);
            BulkProgress progress = new BulkProgress("cold start: customers of the kept days", 0);
            try (InputStream copy = copyOut(c, CUSTOMERS_WITH_DAYS.formatted(DemandDays.keptSince(now)))) {
                BinaryCopyReader row = new BinaryCopyReader(copy);
                while (row.next()) {
                    long customerId = row.int8();
                    SalesSummaries.loadCustomer(customerId, DemandDays.of(row.int8Array()), now, days, weeks);
                    progress.step();
                }
            }
            days.flush();
            weeks.flush();
            progress.done();
        }
    }

    /**
     * The changes, and their event ids, through the streamers' fast path: the grid is empty, so nothing is overwritten
     * and no transaction is needed. The changes that leave the window meanwhile go with the next retention sweep.
     */
    private void loadChanges(Ignite ignite, long since) throws SQLException, IOException {
        try (IgniteDataStreamer<InventoryChangeKey, InventoryChange> changes = ignite.dataStreamer(CHANGE_CACHE);
             IgniteDataStreamer<String, InventoryChangeKey> events = ignite.dataStreamer(EVENT_CACHE);
             Connection c = dataSource.getConnection()) {
            changes.perNodeBufferSize(STREAMER_BATCH);
            events.perNodeBufferSize(STREAMER_BATCH);
            BulkProgress progress = new BulkProgress("cold start: changes of the retention window",
                    count(c, "SELECT count(*) FROM inventory_change WHERE timestamp > " + since));
            try (InputStream copy = copyOut(c, CHANGES_SINCE.formatted(since))) {
                BinaryCopyReader row = new BinaryCopyReader(copy);
                while (row.next()) {
                    ChangeRows.stream(row, changes, events);
                    progress.step();
                }
            }
            changes.flush();
            events.flush();
            progress.done();
        }
    }

    /** The stock-outs of the retention window, with their restocks ({@code STOCK_OUT}). */
    private void loadStockOuts(Ignite ignite, long since) throws SQLException, IOException {
        try (IgniteDataStreamer<InventoryChangeKey, StockOut> stockOuts = ignite.dataStreamer(STOCK_OUT_CACHE);
             Connection c = dataSource.getConnection()) {
            stockOuts.perNodeBufferSize(STREAMER_BATCH);
            BulkProgress progress = new BulkProgress("cold start: stock-outs of the retention window", 0);
            try (InputStream copy = copyOut(c, STOCK_OUTS.formatted(since))) {
                BinaryCopyReader row = new BinaryCopyReader(copy);
                while (row.next()) {
                    long pid = row.int8();
                    long changeId = row.int8();
                    long outAt = row.int8();
                    stockOuts.addData(new InventoryChangeKey(changeId, pid), new StockOut(outAt, row.nullableInt8()));
                    progress.step();
                }
            }
            stockOuts.flush();
            progress.done();
        }
    }

    /**
     * The rows of {@code select} in PostgreSQL's binary COPY format. COPY takes no parameters; the queries above get
     * only numbers formatted in.
     */
    private static InputStream copyOut(Connection c, String select) throws SQLException {
        return new PGCopyInputStream(c.unwrap(PGConnection.class), "COPY (" + select + ") TO STDOUT (FORMAT binary)");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(sql); ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
