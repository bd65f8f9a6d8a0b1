package com.stockoutradar.grid.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.cache.Cache;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;

/**
 * Writes pending writes to PostgreSQL in one transaction: the changes (a change already there is skipped), and
 * each product's row as of its newest version, only if newer than the row PostgreSQL holds. A product's versions
 * are taken in order from the one after PostgreSQL's: a version whose predecessor is not here yet (still being
 * committed when the outbox was read) waits for the next round, so the product row and the changes always agree.
 * Running it twice, or on two nodes at once, leaves the same rows.
 */
final class PostgresWriter {
    private static final Logger log = LoggerFactory.getLogger(PostgresWriter.class);
    private static final String LOCK_PRODUCTS =
            "SELECT id, version FROM product WHERE id = ANY(?) ORDER BY id FOR UPDATE";
    private static final String INSERT_CHANGES = """
            INSERT INTO inventory_change (id, pid, type, quantity, timestamp, customer_id, event_id, stock_after)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                                 ?::text[], ?::bigint[])
            ON CONFLICT (id) DO NOTHING""";
    private static final String UPSERT_PRODUCTS = """
            INSERT INTO product (id, stock, name, updated_at, version)
            SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (id) DO UPDATE SET stock = EXCLUDED.stock, name = EXCLUDED.name,
                                           updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE product.version < EXCLUDED.version""";

    private static final Comparator<PendingWriteKey> KEY_ORDER =
            Comparator.comparingLong(PendingWriteKey::pid).thenComparingLong(PendingWriteKey::version);

    private final DataSource dataSource;
    private final long gapTimeoutMillis;

    PostgresWriter(DataSource dataSource, long gapTimeoutMillis) {
        this.dataSource = dataSource;
        this.gapTimeoutMillis = gapTimeoutMillis;
    }

    /**
     * Writes what can be written in order; returns the keys PostgreSQL now holds, to be removed from the outbox,
     * sorted so that two nodes removing the same keys (while partitions move) lock them in the same order.
     */
    SortedSet<PendingWriteKey> write(List<Cache.Entry<PendingWriteKey, PendingWrite>> pending) throws SQLException {
        Map<Long, List<Cache.Entry<PendingWriteKey, PendingWrite>>> byProduct = new HashMap<>();
        for (Cache.Entry<PendingWriteKey, PendingWrite> entry : pending) {
            byProduct.computeIfAbsent(entry.getKey().pid(), pid -> new ArrayList<>()).add(entry);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<Long, Long> stored = lockProducts(c, byProduct.keySet());
                SortedSet<PendingWriteKey> done = new TreeSet<>(KEY_ORDER);
                List<Cache.Entry<PendingWriteKey, PendingWrite>> changes = new ArrayList<>();
                List<Cache.Entry<PendingWriteKey, PendingWrite>> rows = new ArrayList<>();
                long now = System.currentTimeMillis();
                byProduct.forEach((pid, versions) -> {
                    versions.sort(Comparator.comparingLong(e -> e.getKey().version()));
                    long next = stored.getOrDefault(pid, 0L) + 1;
                    Cache.Entry<PendingWriteKey, PendingWrite> newest = null;
                    for (Cache.Entry<PendingWriteKey, PendingWrite> e : versions) {
                        long version = e.getKey().version();
                        if (version > next && now - e.getValue().acknowledgedAt() < gapTimeoutMillis) {
                            break; // an earlier version is still in flight
                        }
                        if (version > next) {
                            log.warn("product {}: writing version {} to PostgreSQL although version {} never came",
                                    pid, version, next);
                        }
                        if (e.getValue().hasChange()) {
                            changes.add(e); // also when PostgreSQL has the version: a change is inserted if absent
                        }
                        if (version >= next) {
                            newest = e;
                            next = version + 1;
                        }
                        done.add(e.getKey());
                    }
                    if (newest != null) {
                        rows.add(newest);
                    }
                });
                insertChanges(c, changes);
                upsertProducts(c, rows);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Map<Long, Long> lockProducts(Connection c, Set<Long> pids) throws SQLException {
        Map<Long, Long> versions = new HashMap<>();
        try (PreparedStatement lock = c.prepareStatement(LOCK_PRODUCTS)) {
            lock.setArray(1, c.createArrayOf("bigint", pids.toArray()));
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    versions.put(row.getLong(1), row.getLong(2));
                }
            }
        }
        return versions;
    }

    private static void insertChanges(Connection c, List<Cache.Entry<PendingWriteKey, PendingWrite>> changes)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        Object[] ids = new Object[n];
        Object[] pids = new Object[n];
        Object[] types = new Object[n];
        Object[] quantities = new Object[n];
        Object[] timestamps = new Object[n];
        Object[] customers = new Object[n];
        Object[] events = new Object[n];
        Object[] stocks = new Object[n];
        for (int i = 0; i < n; i++) {
            PendingWrite w = changes.get(i).getValue();
            ids[i] = w.changeId();
            pids[i] = changes.get(i).getKey().pid();
            types[i] = w.type();
            quantities[i] = w.quantity();
            timestamps[i] = w.timestamp();
            customers[i] = w.customerId();
            events[i] = w.eventId();
            stocks[i] = w.stock();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_CHANGES)) {
            bind(c, insert, "bigint", ids, pids);
            insert.setArray(3, c.createArrayOf("text", types));
            bindFrom(c, insert, 4, "bigint", quantities, timestamps, customers);
            insert.setArray(7, c.createArrayOf("text", events));
            insert.setArray(8, c.createArrayOf("bigint", stocks));
            insert.executeUpdate();
        }
    }

    private static void upsertProducts(Connection c, List<Cache.Entry<PendingWriteKey, PendingWrite>> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // in product order, so that two writers lock rows in the same order
        rows.sort(Comparator.comparingLong(e -> e.getKey().pid()));
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] stocks = new Object[n];
        Object[] names = new Object[n];
        Object[] updated = new Object[n];
        Object[] versions = new Object[n];
        for (int i = 0; i < n; i++) {
            PendingWrite w = rows.get(i).getValue();
            ids[i] = rows.get(i).getKey().pid();
            stocks[i] = w.stock();
            names[i] = w.name();
            updated[i] = w.updatedAt();
            versions[i] = rows.get(i).getKey().version();
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_PRODUCTS)) {
            bind(c, upsert, "bigint", ids, stocks);
            upsert.setArray(3, c.createArrayOf("text", names));
            bindFrom(c, upsert, 4, "bigint", updated, versions);
            upsert.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement statement, String type, Object[]... columns)
            throws SQLException {
        bindFrom(c, statement, 1, type, columns);
    }

    private static void bindFrom(Connection c, PreparedStatement statement, int first, String type,
                                 Object[]... columns) throws SQLException {
        for (int i = 0; i < columns.length; i++) {
            Array array = c.createArrayOf(type, columns[i]);
            statement.setArray(first + i, array);
        }
    }
}
