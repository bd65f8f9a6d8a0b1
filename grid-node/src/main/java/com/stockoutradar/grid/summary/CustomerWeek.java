package com.stockoutradar.grid.summary;

import java.io.Serializable;

import com.stockoutradar.compute.risk.DemandDays;

/**
 * A customer's purchases: the {@code CUSTOMER_WEEK} row with the week as of a UTC day (that day and the six before
 * it) and the week before, and, not a column, the units bought per day of the last days ({@link DemandDays}, sales
 * only) that the sums and the {@code CUSTOMER_DAY} rows are taken from. Keyed by customer id, so a customer's
 * purchases of every product meet in one entry.
 */
public final class CustomerWeek implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long day;
    private final long boughtToday;
    private final long bought7d;
    private final long purchases7d;
    private final long boughtPrev7d;
    private final long[] days;

    private CustomerWeek(long[] days, long today) {
        this.day = today;
        this.boughtToday = DemandDays.units(days, today, today, true);
        this.bought7d = DemandDays.units(days, today - 6, today, true);
        this.purchases7d = DemandDays.changes(days, today - 6, today);
        this.boughtPrev7d = DemandDays.units(days, today - 13, today - 7, true);
        this.days = days;
    }

    /** The days a customer's entry holds; null for a customer without one. */
    static long[] daysOf(CustomerWeek week) {
        return week == null ? null : week.days;
    }

    /**
     * The weeks as of {@code today}; null once no kept day holds a purchase. Not sooner: a late purchase of an older
     * kept day adds to the days held here, and its {@code CUSTOMER_DAY} row is written from them.
     */
    static CustomerWeek asOf(long[] days, long today) {
        if (DemandDays.changes(days, today - DemandDays.KEPT + 1, Long.MAX_VALUE) == 0) {
            return null;
        }
        return new CustomerWeek(days, today);
    }

    public long day() {
        return day;
    }

    public long boughtToday() {
        return boughtToday;
    }

    public long bought7d() {
        return bought7d;
    }

    public long purchases7d() {
        return purchases7d;
    }

    public long boughtPrev7d() {
        return boughtPrev7d;
    }
}
