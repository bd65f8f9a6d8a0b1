package com.stockoutradar.compute.risk;

/**
 * A product's sales and restocks per UTC day over the last {@link #KEPT} days, kept in the product's own entry by
 * the ingestion transaction so that a refresh reads one entry per product instead of every change.
 * <p>
 * A flat {@code long[]}, oldest day first, {@value #WIDTH} longs a day: the day (unix day number), units sold,
 * units restocked, and the first and last second of the day that saw a change with the day's change count, packed.
 * The first and last second tell a refresh whether the 7-day window's start, which falls inside one day, splits
 * that day's changes; only then does it read that day's changes of that product.
 */
public final class DemandDays {
    /** The forecast's days, today, and one day of slack for a refresh whose clock is a little behind a writer's. */
    public static final int KEPT = RiskParameters.HISTORY_DAYS + 2;
    static final int WIDTH = 4;
    private static final int TOTALS_WIDTH = 6;
    private static final long NONE = -1;
    private static final int SECOND_BITS = 17;
    private static final int COUNT_BITS = 30;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final long SECOND_MASK = (1L << SECOND_BITS) - 1;

    private DemandDays() {
    }

    /**
     * The days with one more change, and without the days that have left the kept range as of {@code now}
     * (the writer's clock); a change older than the kept range leaves the days as they are.
     */
    public static long[] add(long[] days, boolean sale, long quantity, long timestamp, long now) {
        long firstKept = dayOf(keptSince(now));
        long day = dayOf(timestamp);
        if (day < firstKept) {
            return days;
        }
        int length = days == null ? 0 : days.length;
        int from = 0;
        while (from < length && days[from] < firstKept) {
            from += WIDTH;
        }
        int at = from;
        while (at < length && days[at] < day) {
            at += WIDTH;
        }
        boolean existing = at < length && days[at] == day;
        long[] updated = new long[length - from + (existing ? 0 : WIDTH)];
        System.arraycopy(days == null ? updated : days, from, updated, 0, at - from);
        int slot = at - from;
        if (existing) {
            System.arraycopy(days, at, updated, slot, length - at);
        } else {
            if (at < length) {
                System.arraycopy(days, at, updated, slot + WIDTH, length - at);
            }
            updated[slot] = day;
            updated[slot + 3] = NONE;
        }
        updated[slot + (sale ? 1 : 2)] = Math.addExact(updated[slot + (sale ? 1 : 2)], quantity);
        updated[slot + 3] = withChangeAt(updated[slot + 3], (int) (timestamp - day * RiskParameters.DAY));
        return updated;
    }

    /**
     * Days from per-day totals, oldest first, six numbers a day: day, units sold, units restocked, first change
     * (unix s), last change, changes. What a cold start computes in PostgreSQL, as one flat array.
     */
    public static long[] of(long[] totals) {
        int count = totals.length / TOTALS_WIDTH;
        long[] days = new long[count * WIDTH];
        for (int i = 0; i < count; i++) {
            int t = i * TOTALS_WIDTH;
            long start = totals[t] * RiskParameters.DAY;
            days[i * WIDTH] = totals[t];
            days[i * WIDTH + 1] = totals[t + 1];
            days[i * WIDTH + 2] = totals[t + 2];
            days[i * WIDTH + 3] = pack(totals[t + 3] - start, totals[t + 4] - start,
                    Math.min(COUNT_MASK, totals[t + 5]));
        }
        return days;
    }

    /** Units sold (or restocked) over the unix days {@code from} to {@code to}, both included. */
    public static long units(long[] days, long from, long to, boolean sales) {
        long units = 0;
        for (int i = 0; days != null && i < days.length; i += WIDTH) {
            if (days[i] >= from && days[i] <= to) {
                units += days[i + (sales ? 1 : 2)];
            }
        }
        return units;
    }

    /** Changes (sales and restocks) over the unix days {@code from} to {@code to}, both included. */
    public static long changes(long[] days, long from, long to) {
        long changes = 0;
        for (int i = 0; days != null && i < days.length; i += WIDTH) {
            if (days[i] >= from && days[i] <= to) {
                changes += count(days[i + 3]);
            }
        }
        return changes;
    }

    /** The unix days the array holds, oldest first. */
    public static long[] daysHeld(long[] days) {
        long[] held = new long[days == null ? 0 : days.length / WIDTH];
        for (int i = 0; i < held.length; i++) {
            held[i] = days[i * WIDTH];
        }
        return held;
    }

    /** The first day a product keeps as of {@code now}, as its first second. */
    public static long keptSince(long now) {
        return (dayOf(now) - KEPT + 1) * RiskParameters.DAY;
    }

    /**
     * Feeds the days into a history. Returns the unix day whose changes the window's start splits, whose exact
     * share the caller must add with {@link DemandHistory#addToWindow}, or -1 when the days alone are exact.
     */
    public static long feed(long[] days, DemandHistory history) {
        long split = -1;
        for (int i = 0; days != null && i < days.length; i += WIDTH) {
            long day = days[i];
            long packed = days[i + 3];
            long start = day * RiskParameters.DAY;
            if (!history.addDay(day, days[i + 1], days[i + 2], start + first(packed), start + last(packed),
                    count(packed))) {
                split = day;
            }
        }
        return split;
    }

    /**
     * Whether the days products keep as of {@code clock} hold everything a computation as of {@code asOf} needs:
     * not when it is more than a day back (a backtest), as the kept range has a day of slack.
     */
    public static boolean cover(long asOf, long clock) {
        return dayOf(asOf) >= dayOf(clock) - 1;
    }

    public static long dayOf(long timestamp) {
        return Math.floorDiv(timestamp, RiskParameters.DAY);
    }

    private static long withChangeAt(long packed, int second) {
        if (packed == NONE) {
            return pack(second, second, 1);
        }
        return pack(Math.min(first(packed), second), Math.max(last(packed), second),
                Math.min(COUNT_MASK, count(packed) + 1));
    }

    private static long pack(long first, long last, long count) {
        return first << (SECOND_BITS + COUNT_BITS) | last << COUNT_BITS | count;
    }

    private static long first(long packed) {
        return packed >>> (SECOND_BITS + COUNT_BITS);
    }

    private static long last(long packed) {
        return (packed >>> COUNT_BITS) & SECOND_MASK;
    }

    private static long count(long packed) {
        return packed & COUNT_MASK;
    }
}
