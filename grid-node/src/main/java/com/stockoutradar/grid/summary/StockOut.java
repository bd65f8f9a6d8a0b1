package com.stockoutradar.grid.summary;

import java.io.Serializable;

/**
 * A {@code STOCK_OUT} row, keyed by the change that took a product's stock from above zero to zero or below: when that
 * change happened, and when the first restock recorded after it did (null until one is, or when the next stock-out
 * came first).
 */
public final class StockOut implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long outAt;
    private final Long restockedAt;

    public StockOut(long outAt, Long restockedAt) {
        this.outAt = outAt;
        this.restockedAt = restockedAt;
    }

    public long outAt() {
        return outAt;
    }

    public Long restockedAt() {
        return restockedAt;
    }

    StockOut restocked(long timestamp) {
        return new StockOut(outAt, timestamp);
    }

    @Override
    public String toString() {
        return "StockOut[outAt=" + outAt + ", restockedAt=" + restockedAt + "]";
    }
}
