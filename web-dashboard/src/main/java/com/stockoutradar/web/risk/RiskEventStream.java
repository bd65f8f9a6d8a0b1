package com.stockoutradar.web.risk;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.stockoutradar.api.RiskEvent;
import com.stockoutradar.grid.risk.RiskEvents;

/**
 * Hands the grid's risk events to every open event stream of this process, numbered in the order they came. One
 * subscription to {@link RiskEvents}; each stream has its own bounded queue and writer.
 */
@Component
class RiskEventStream implements SmartLifecycle {
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);
    /** Browsers reconnect on their own after this; it bounds what a forgotten tab holds. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** Events a stream may have waiting; a burst beyond it (a refresh rewriting the list) means: re-read the list. */
    static final int QUEUE_CAPACITY = 1_000;

    private final RiskEvents events;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<RiskStreamConnection> connections = ConcurrentHashMap.newKeySet();
    /** A thread per stream that is writing, none for an idle one: a stalled client stalls no other. */
    private final ExecutorService writers = Executors.newCachedThreadPool(daemon("risk-stream-writer"));
    private final ScheduledExecutorService heartbeats =
            Executors.newSingleThreadScheduledExecutor(daemon("risk-stream-heartbeat"));
    private volatile AutoCloseable subscription;

    RiskEventStream(RiskEvents events) {
        this.events = events;
    }

    SseEmitter open(String client) {
        RiskStreamConnection connection = new RiskStreamConnection(new SseEmitter(STREAM_TIMEOUT.toMillis()), client,
                QUEUE_CAPACITY, writers, connections::remove);
        connections.add(connection);
        // the response's headers leave with its first bytes: without them a client would not know it is subscribed
        connection.comment("open");
        return connection.emitter();
    }

    private void publish(RiskEvent event) {
        long id = sequence.incrementAndGet();
        connections.forEach(connection -> connection.offer(id, event));
    }

    @Override
    public void start() {
        subscription = events.subscribe(this::publish);
        long every = HEARTBEAT_EVERY.toMillis();
        heartbeats.scheduleAtFixedRate(() -> connections.forEach(connection -> connection.comment("heartbeat")), every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        AutoCloseable running = subscription;
        subscription = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        heartbeats.shutdownNow();
        connections.forEach(RiskStreamConnection::end);
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
