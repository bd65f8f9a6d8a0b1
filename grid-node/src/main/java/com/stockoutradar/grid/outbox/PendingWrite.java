package com.stockoutradar.grid.outbox;

import java.io.Serializable;

/**
 * What PostgreSQL must receive for one product version: the product row as it stood right after, and the change
 * that produced it when there was one (a stock set or an import has none). Kept in the grid until PostgreSQL has it.
 */
public final class PendingWrite implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long stock;
    private final String name;
    private final long updatedAt;
    /** The change's id, or 0 when this version has no change. */
    private final long changeId;
    private final String type;
    private final long quantity;
    private final long timestamp;
    private final Long customerId;
    private final String eventId;
    /** Wall-clock millis of the commit, for how far behind PostgreSQL is. */
    private final long acknowledgedAt;

    private PendingWrite(long stock, String name, long updatedAt, long changeId, String type, long quantity,
                         long timestamp, Long customerId, String eventId, long acknowledgedAt) {
        this.stock = stock;
        this.name = name;
        this.updatedAt = updatedAt;
        this.changeId = changeId;
        this.type = type;
        this.quantity = quantity;
        this.timestamp = timestamp;
        this.customerId = customerId;
        this.eventId = eventId;
        this.acknowledgedAt = acknowledgedAt;
    }

    /** A product created or set, without a change. */
    public static PendingWrite product(long stock, String name, long updatedAt) {
        return new PendingWrite(stock, name, updatedAt, 0, null, 0, 0, null, null, System.currentTimeMillis());
    }

    /** A change, and the product row right after it ({@code stock} is the change's stock-after). */
    public static PendingWrite change(long stock, String name, long updatedAt, long changeId, String type,
                                      long quantity, long timestamp, Long customerId, String eventId) {
        return new PendingWrite(stock, name, updatedAt, changeId, type, quantity, timestamp, customerId, eventId,
                System.currentTimeMillis());
    }

    public long stock() {
        return stock;
    }

    public String name() {
        return name;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public boolean hasChange() {
        return changeId != 0;
    }

    public long changeId() {
        return changeId;
    }

    public String type() {
        return type;
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

    public long acknowledgedAt() {
        return acknowledgedAt;
    }
}
