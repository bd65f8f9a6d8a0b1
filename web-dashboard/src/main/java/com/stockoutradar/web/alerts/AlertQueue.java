package com.stockoutradar.web.alerts;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts waiting for one webhook, oldest first. Adding never waits (it runs on the grid's callback thread, in the
 * path of ingestion): when full, the oldest is dropped. Drops are logged at WARN, at most once a second, with how
 * many there were, so that a dead receiver does not flood the log.
 */
final class AlertQueue {
    private static final Logger log = LoggerFactory.getLogger(AlertQueue.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Object webhook;
    private final int capacity;
    private final LinkedBlockingDeque<Alert> waiting;
    private final AtomicLong droppedUnreported = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    AlertQueue(Object webhook, int capacity) {
        this.webhook = webhook;
        this.capacity = capacity;
        this.waiting = new LinkedBlockingDeque<>(capacity);
    }

    void add(Alert alert) {
        while (!waiting.offerLast(alert)) {
            if (waiting.pollFirst() != null) {
                droppedUnreported.incrementAndGet();
            }
        }
        if (droppedUnreported.get() > 0) {
            long last = lastWarning.get();
            long now = System.nanoTime();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                reportDropped();
            }
        }
    }

    /** The oldest alert, waiting up to {@code wait} for one; null if none came. */
    Alert next(Duration wait) throws InterruptedException {
        return waiting.pollFirst(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** On stop: logs what was dropped and what is left unsent, and forgets both. */
    void abandon() {
        reportDropped();
        int left = waiting.size();
        waiting.clear();
        if (left > 0) {
            log.warn("alerts to {}: stopping with {} not sent", webhook, left);
        }
    }

    private void reportDropped() {
        long dropped = droppedUnreported.getAndSet(0);
        if (dropped > 0) {
            log.warn("alerts to {}: queue full ({} waiting), dropped the {} oldest", webhook, capacity, dropped);
        }
    }
}
