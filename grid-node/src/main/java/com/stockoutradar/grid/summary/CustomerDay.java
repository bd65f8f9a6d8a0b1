package com.stockoutradar.grid.summary;

import java.io.Serializable;

import com.stockoutradar.compute.risk.DemandDays;

/** A customer's units bought and purchases (sales) on one UTC day: a {@code CUSTOMER_DAY} row. */
public final class CustomerDay implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long bought;
    private final long purchases;

    public CustomerDay(long bought, long purchases) {
        this.bought = bought;
        this.purchases = purchases;
    }

    static CustomerDay of(long[] days, long day) {
        return new CustomerDay(DemandDays.units(days, day, day, true), DemandDays.changes(days, day, day));
    }

    public long bought() {
        return bought;
    }

    public long purchases() {
        return purchases;
    }
}
