package com.stockoutradar.grid.summary;

import java.io.Serializable;

import com.stockoutradar.compute.risk.DemandDays;

/**
 * A product's last two weeks as of a UTC day, a {@code PRODUCT_WEEK} row: "the week" is that day and the six before
 * it, "the week before" the seven before those. Written by the transaction that changes the product and rolled
 * forward by each node after midnight, so that top-N questions read an index instead of summing days.
 */
public final class ProductWeek implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The unix day the sums are as of. */
    private final long day;
    private final long soldToday;
    private final long sold7d;
    private final long restocked7d;
    private final long soldPrev7d;
    /** {@code sold7d / soldPrev7d}; null when nothing sold the week before. */
    private final Double growth;

    private ProductWeek(long day, long soldToday, long sold7d, long restocked7d, long soldPrev7d) {
        this.day = day;
        this.soldToday = soldToday;
        this.sold7d = sold7d;
        this.restocked7d = restocked7d;
        this.soldPrev7d = soldPrev7d;
        this.growth = soldPrev7d == 0 ? null : (double) sold7d / soldPrev7d;
    }

    /** The weeks as of {@code today} from the product's days; null when both are empty (the row goes). */
    static ProductWeek asOf(long[] demand, long today) {
        long sold7d = DemandDays.units(demand, today - 6, today, true);
        long restocked7d = DemandDays.units(demand, today - 6, today, false);
        long soldPrev7d = DemandDays.units(demand, today - 13, today - 7, true);
        if (sold7d == 0 && restocked7d == 0 && soldPrev7d == 0) {
            return null;
        }
        return new ProductWeek(today, DemandDays.units(demand, today, today, true), sold7d, restocked7d, soldPrev7d);
    }

    public long day() {
        return day;
    }

    public long soldToday() {
        return soldToday;
    }

    public long sold7d() {
        return sold7d;
    }

    public long restocked7d() {
        return restocked7d;
    }

    public long soldPrev7d() {
        return soldPrev7d;
    }

    public Double growth() {
        return growth;
    }
}
