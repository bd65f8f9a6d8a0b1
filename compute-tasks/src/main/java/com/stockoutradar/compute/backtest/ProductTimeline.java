package com.stockoutradar.compute.backtest;

import java.util.Arrays;

import com.stockoutradar.compute.risk.DemandHistory;

/**
 * One product's changes in time order, and what they say about a moment T in the past: its stock then, its demand
 * as the model would have read it then, and whether it ran out in the days after.
 * <p>
 * Filled change by change, then read: the first read sorts. Stock is known only now; the stock at T is the stock
 * now with every change after T taken back. Changes arrive in any order (a sale may be sent late, with its own
 * timestamp), so the stock a change recorded after it ({@code stock_after}) is not the stock at its timestamp.
 */
final class ProductTimeline {
    private long[] timestamps = new long[4];
    /** Units added to stock: a restock's quantity, a sale's negated. */
    private long[] deltas = new long[4];
    private boolean[] sales = new boolean[4];
    private int size;
    private boolean sorted = true;
    /** {@code after[i]}: the deltas of changes i and later summed; filled on sorting. */
    private long[] after;

    void add(long timestamp, boolean sale, long quantity) {
        if (size == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, size * 2);
            deltas = Arrays.copyOf(deltas, size * 2);
            sales = Arrays.copyOf(sales, size * 2);
        }
        sorted &= size == 0 || timestamps[size - 1] <= timestamp;
        timestamps[size] = timestamp;
        deltas[size] = sale ? -quantity : quantity;
        sales[size++] = sale;
        after = null;
    }

    /** The stock at the end of second {@code t}: {@code stockNow} less the changes after it. */
    long stockAt(long stockNow, long t) {
        return stockNow - after(firstAfter(t));
    }

    /**
     * Whether the stock was at or below zero at some moment of {@code (t, t + seconds]}, given {@code stockAtT}: it
     * was so right after t, or after the changes of some second in the window (changes of one second count
     * together: their order within it is not known).
     */
    boolean ranOut(long stockAtT, long t, long seconds) {
        long stock = stockAtT;
        if (stock <= 0) {
            return true;
        }
        long end = t + seconds;
        for (int i = firstAfter(t); i < size && timestamps[i] <= end; i++) {
            stock += deltas[i];
            boolean lastOfItsSecond = i + 1 == size || timestamps[i + 1] != timestamps[i];
            if (lastOfItsSecond && stock <= 0) {
                return true;
            }
        }
        return false;
    }

    /** The demand history the model would have read at {@code t}: the changes of its days up to t. */
    DemandHistory historyAsOf(long t) {
        DemandHistory history = new DemandHistory(t);
        int end = firstAfter(t);
        for (int i = firstAfter(DemandHistory.trendStart(t) - 1); i < end; i++) {
            history.add(sales[i], Math.abs(deltas[i]), timestamps[i]);
        }
        return history;
    }

    /** The index of the first change after second {@code t}. */
    private int firstAfter(long t) {
        sort();
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (timestamps[middle] <= t) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private long after(int from) {
        return from < size ? after[from] : 0;
    }

    private void sort() {
        if (!sorted) {
            // by time, ties in arrival order: each index packed below its timestamp (unix seconds fit in 33 bits until
            // the year 2242, leaving 30 for the index) sorts as one primitive
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = timestamps[i] << Integer.SIZE - 2 | i;
            }
            Arrays.sort(keys);
            long[] t = new long[size];
            long[] d = new long[size];
            boolean[] s = new boolean[size];
            for (int i = 0; i < size; i++) {
                int from = (int) (keys[i] & (1L << Integer.SIZE - 2) - 1);
                t[i] = timestamps[from];
                d[i] = deltas[from];
                s[i] = sales[from];
            }
            timestamps = t;
            deltas = d;
            sales = s;
            sorted = true;
        }
        if (after == null) {
            after = new long[size];
            long sum = 0;
            for (int i = size - 1; i >= 0; i--) {
                sum += deltas[i];
                after[i] = sum;
            }
        }
    }
}
