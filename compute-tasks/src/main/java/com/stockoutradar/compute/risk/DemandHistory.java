package com.stockoutradar.compute.risk;

/**
 * One product's recent demand as of {@code now}: the brief's 7-day window exactly ({@code timestamp > now - 604800}),
 * and units sold per UTC day over the days the {@link DemandForecast} reads. Filled either change by change or from
 * the product's {@link DemandDays}; both give the same numbers.
 */
public final class DemandHistory {
    /** No change inside the window. */
    public static final long NONE = -1;
    private static final int NO_CHANGE = -1;
    private final long now;
    private final long windowStart;
    private final long today;
    private long sales7d;
    private long restocks7d;
    private long changes;
    /** The oldest change inside the window (unix s): the next to leave it; {@link #NONE} when there is none. */
    private long firstInWindow = NONE;
    /** Units sold per UTC day: index 0 is today (and any later day, for a clock a little behind the writer's). */
    private final long[] salesByDay = new long[RiskParameters.HISTORY_DAYS + 1];
    /** Days ago of the oldest UTC day read that saw a change: where the product's history starts, as far as known. */
    private int oldestChange = NO_CHANGE;

    public DemandHistory(long now) {
        this.now = now;
        this.windowStart = now - RiskParameters.WINDOW_SECONDS;
        this.today = DemandDays.dayOf(now);
    }

    /** Adds one change; {@code sale} false means a restock. */
    public void add(boolean sale, long quantity, long timestamp) {
        if (timestamp > windowStart) {
            addToWindow(sale ? quantity : 0, sale ? 0 : quantity);
            changedInWindowAt(timestamp);
        }
        addToDay(DemandDays.dayOf(timestamp), sale ? quantity : 0, 1);
    }

    /**
     * Adds one day's totals, whose changes happened between {@code first} and {@code last} (unix s). Returns false
     * when the window starts between the two: the day's share of the window is then unknown here, and the caller
     * adds it with {@link #addToWindow}.
     */
    boolean addDay(long day, long sales, long restocks, long first, long last, long count) {
        addToDay(day, sales, count);
        if (first > windowStart) {
            addToWindow(sales, restocks);
            changedInWindowAt(first);
            return true;
        }
        return last <= windowStart;
    }

    /** Units sold and restocked inside the 7-day window. */
    public void addToWindow(long sales, long restocks) {
        sales7d += sales;
        restocks7d += restocks;
    }

    /** A change inside the window at {@code timestamp}, whose share {@link #addToWindow} adds without its time. */
    public void changedInWindowAt(long timestamp) {
        if (firstInWindow == NONE || timestamp < firstInWindow) {
            firstInWindow = timestamp;
        }
    }

    private void addToDay(long day, long sales, long count) {
        int daysAgo = (int) Math.max(0, Math.min(today - day, Integer.MAX_VALUE));
        if (daysAgo < salesByDay.length) {
            salesByDay[daysAgo] += sales;
            changes += count;
            oldestChange = Math.max(oldestChange, daysAgo);
        }
    }

    /**
     * The first second of the UTC days the forecast reads as of {@code now}: older changes change nothing here. (Named
     * after the linear trend that once read them; callers outside this module use the name.)
     */
    public static long trendStart(long now) {
        return (DemandDays.dayOf(now) - RiskParameters.HISTORY_DAYS) * RiskParameters.DAY;
    }

    public long now() {
        return now;
    }

    /** The oldest change inside the window (unix s), or {@link #NONE}. */
    public long firstInWindow() {
        return firstInWindow;
    }

    /** The start of the 7-day window: changes after this second count. */
    public long windowStart() {
        return windowStart;
    }

    public long sales7d() {
        return sales7d;
    }

    public long restocks7d() {
        return restocks7d;
    }

    /** Changes of the forecast's days that this history summarizes. */
    public long changes() {
        return changes;
    }

    /** Units sold on the UTC day {@code daysAgo} days before today (0: today so far), 
     * up to {@link RiskParameters#HISTORY_DAYS}.
     */
    public long unitsSold(int daysAgo) {
        return salesByDay[daysAgo];
    }

    /**
     * Whole UTC days before today since the oldest day read that saw a sale or a restock (0: today only), or -1 when
     * none did: days before that are unknown, not days without sales, so a product new to the shop is not taken for
     * one that sells nothing.
     */
    public int daysObserved() {
        return oldestChange;
    }

    /** The share of today's UTC day that has passed, in [0, 1). */
    public double elapsedToday() {
        return (double) (now - today * RiskParameters.DAY) / RiskParameters.DAY;
    }

    /** Today's UTC day number: the weekday is {@code Math.floorMod(today, 7)}. */
    public long today() {
        return today;
    }
}
