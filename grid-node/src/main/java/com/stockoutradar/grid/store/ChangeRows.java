package com.stockoutradar.grid.store;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;

/** Reading {@code inventory_change} rows of PostgreSQL. */
final class ChangeRows {
    static final String COLUMNS = "id, pid, type, quantity, timestamp, customer_id, event_id, stock_after";

    private ChangeRows() {
    }

    static InventoryChangeKey key(ResultSet row) throws SQLException {
        return new InventoryChangeKey(row.getLong("id"), row.getLong("pid"));
    }

    static InventoryChange change(ResultSet row) throws SQLException {
        long customer = row.getLong("customer_id");
        return new InventoryChange(ChangeType.valueOf(row.getString("type")), row.getLong("quantity"),
                row.getLong("timestamp"), row.wasNull() ? null : customer, row.getString("event_id"),
                row.getLong("stock_after"));
    }
}
