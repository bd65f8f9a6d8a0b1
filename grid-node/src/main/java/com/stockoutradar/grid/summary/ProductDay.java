package com.stockoutradar.grid.summary;

import java.io.Serializable;

import com.stockoutradar.compute.risk.DemandDays;

/** A product's units sold and restocked, and its changes, on one UTC day: a {@code PRODUCT_DAY} row. */
public final class ProductDay implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long sold;
    private final long restocked;
    private final long changes;

    public ProductDay(long sold, long restocked, long changes) {
        this.sold = sold;
        this.restocked = restocked;
        this.changes = changes;
    }

    /** The day as the product's own days ({@link DemandDays}) hold it. */
    static ProductDay of(long[] demand, long day) {
        return new ProductDay(DemandDays.units(demand, day, day, true), DemandDays.units(demand, day, day, false),
                DemandDays.changes(demand, day, day));
    }

    public long sold() {
        return sold;
    }

    public long restocked() {
        return restocked;
    }

    public long changes() {
        return changes;
    }
}
