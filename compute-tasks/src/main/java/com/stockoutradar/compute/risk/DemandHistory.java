package com.stockoutradar.compute.risk;

/**
 * One product's recent changes, summed while a node scans them: the brief's 7-day window exactly, and units sold per
 * rolling day (day 0 is the 24 hours up to {@code now}) for the demand trend.
 */
public final class DemandHistory {
    private long sales7d;
    private long restocks7d;
    private final long[] dailySales = new long[RiskParameters.TREND_DAYS];

    /** Adds one change; {@code sale} false means a restock. Changes older than the trend days are ignored. */
    public void add(boolean sale, long quantity, long timestamp, long now) {
        long age = now - timestamp;
        if (age < RiskParameters.WINDOW_SECONDS) {
            if (sale) {
                sales7d += quantity;
            } else {
                restocks7d += quantity;
            }
        }
        // a timestamp a little ahead of now (clock skew) counts as today
        int day = (int) Math.max(0, Math.floorDiv(age, RiskParameters.DAY));
        if (sale && day < dailySales.length) {
            dailySales[day] += quantity;
        }
    }

    public long sales7d() {
        return sales7d;
    }

    public long restocks7d() {
        return restocks7d;
    }

    /** Units sold {@code daysAgo} rolling days before now. */
    public long salesOnDay(int daysAgo) {
        return dailySales[daysAgo];
    }
}
