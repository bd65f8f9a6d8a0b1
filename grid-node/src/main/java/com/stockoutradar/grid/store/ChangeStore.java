package com.stockoutradar.grid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import javax.cache.integration.CacheLoaderException;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;

/**
 * Appends inventory changes behind the grid to PostgreSQL's {@code inventory_change} table. Insert-if-absent, so a
 * flush retried after a partial failure never stores a change twice.
 */
public class ChangeStore extends PostgresBatchStore<InventoryChangeKey, InventoryChange> {

    ChangeStore(TransientRetry retry, int batchSize) {
        super(retry, batchSize);
    }

    @Override
    protected String writeSql() {
        return """
                INSERT INTO inventory_change (id, pid, type, quantity, timestamp, customer_id, event_id, stock_after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    }

    @Override
    protected void bind(PreparedStatement insert, InventoryChangeKey key, InventoryChange change) throws SQLException {
        insert.setLong(1, key.id());
        insert.setLong(2, key.pid());
        insert.setString(3, change.type().name());
        insert.setLong(4, change.quantity());
        insert.setLong(5, change.timestamp());
        if (change.customerId() == null) {
            insert.setNull(6, Types.BIGINT);
        } else {
            insert.setLong(6, change.customerId());
        }
        insert.setString(7, change.eventId());
        insert.setLong(8, change.stockAfter());
    }

    @Override
    protected String rows() {
        return "inventory changes";
    }

    @Override
    public InventoryChange load(InventoryChangeKey key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + ChangeRows.COLUMNS + " FROM inventory_change WHERE id = ? AND pid = ?")) {
            select.setLong(1, key.id());
            select.setLong(2, key.pid());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? ChangeRows.change(row) : null;
            }
        } catch (SQLException e) {
            throw new CacheLoaderException("cannot load " + key, e);
        }
    }

    /**
     * PostgreSQL keeps the whole history; the grid keeps a window. A change leaving the grid is not deleted from
     * history.
     */
    @Override
    public void delete(Object key) {
    }
}
