package com.stockoutradar.load.simulations;

import java.util.Arrays;

/** Response times in milliseconds, every one kept (a run's few hundred thousand), summed up as percentiles. */
final class Latencies {
    private long[] millis = new long[1024];
    private int count;

    synchronized void add(long elapsedMillis) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = elapsedMillis;
    }

    synchronized int count() {
        return count;
    }

    /** {@code n 1234, p50 1 ms, p95 6 ms, p99 41 ms, max 258 ms} (nearest rank). */
    synchronized String summary() {
        if (count == 0) {
            return "n 0";
        }
        long[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        return String.format("n %d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", count, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), sorted[count - 1]);
    }

    private static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
