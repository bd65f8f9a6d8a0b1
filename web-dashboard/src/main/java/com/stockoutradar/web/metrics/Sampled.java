package com.stockoutradar.web.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value that costs a trip to every server node, read at most once per {@code fresh}: the gauges of one scrape
 * share one reading, so they agree with each other and the cluster is asked once rather than once per gauge.
 */
public final class Sampled<T> {
    private final Supplier<T> read;
    private final long freshMillis;
    private final Clock clock;
    private T value;
    private long readAt;

    public Sampled(Supplier<T> read, Duration fresh, Clock clock) {
        this.read = read;
        this.freshMillis = fresh.toMillis();
        this.clock = clock;
    }

    public synchronized T get() {
        long now = clock.millis();
        if (value == null || now - readAt >= freshMillis) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
