package com.stockoutradar.grid.inventory;

import java.io.Serializable;

import com.stockoutradar.api.ChangeType;

/**
 * One sale or restock, the value of the {@code INVENTORY_CHANGE} cache and table
 * (key: {@link com.stockoutradar.api.InventoryChangeKey}). {@code stockAfter} is the product's stock right after
 * this change, which answers an idempotent replay and draws the stock history without replaying changes.
 */
public final class InventoryChange implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@link ChangeType#name()}; a string so that SQL tools see plain text. */
    private final String type;
    private final long quantity;
    /** Unix seconds, UTC. */
    private final long timestamp;
    private final Long customerId;
    private final String eventId;
    private final long stockAfter;

    public InventoryChange(ChangeType type, long quantity, long timestamp, Long customerId, String eventId,
                           long stockAfter) {
        this.type = type.name();
        this.quantity = quantity;
        this.timestamp = timestamp;
        this.customerId = customerId;
        this.eventId = eventId;
        this.stockAfter = stockAfter;
    }

    public ChangeType type() {
        return ChangeType.valueOf(type);
    }

    public long quantity() {
        return quantity;
    }

    public long timestamp() {
        return timestamp;
    }

    public Long customerId() {
        return customerId;
    }

    public String eventId() {
        return eventId;
    }

    public long stockAfter() {
        return stockAfter;
    }

    @Override
    public String toString() {
        return "InventoryChange[type=" + type + ", quantity=" + quantity + ", timestamp=" + timestamp
                + ", customerId=" + customerId + ", eventId=" + eventId + ", stockAfter=" + stockAfter + "]";
    }
}
