package com.stockoutradar.grid.store;

import java.io.IOException;

import org.apache.ignite.IgniteDataStreamer;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;

/** Reading {@code inventory_change} rows of PostgreSQL from a binary COPY of {@link #COLUMNS}. */
final class ChangeRows {
    static final String COLUMNS = "id, pid, type, quantity, timestamp, customer_id, event_id, stock_after";

    private ChangeRows() {
    }

    /** Adds the reader's current row to the changes, and its event id, if it has one, to the event ids. */
    static void stream(BinaryCopyReader row, IgniteDataStreamer<InventoryChangeKey, InventoryChange> changes,
                       IgniteDataStreamer<String, InventoryChangeKey> events) throws IOException {
        long id = row.int8();
        long pid = row.int8();
        ChangeType type = ChangeType.valueOf(row.text());
        long quantity = row.int8();
        long timestamp = row.int8();
        Long customer = row.nullableInt8();
        String eventId = row.text();
        long stockAfter = row.int8();
        InventoryChangeKey key = new InventoryChangeKey(id, pid);
        changes.addData(key, new InventoryChange(type, quantity, timestamp, customer, eventId, stockAfter));
        if (eventId != null) {
            events.addData(eventId, key);
        }
    }
}
