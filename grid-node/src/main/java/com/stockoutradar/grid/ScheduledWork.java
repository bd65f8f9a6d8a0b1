package com.stockoutradar.grid;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a node repeats on its own daemon thread, a pause after each round, for as long as the application runs. A
 * round that fails is logged and tried again at the next one.
 */
public abstract class ScheduledWork implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

    protected final Ignite ignite;
    private final String name;
    private final long everyMillis;
    private ScheduledExecutorService rounds;

    protected ScheduledWork(Ignite ignite, String name, long everyMillis) {
        this.ignite = ignite;
        this.name = name;
        this.everyMillis = everyMillis;
    }

    /** One round. */
    protected abstract void runOnce();

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name + "-" + ignite.name());
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::runQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        rounds.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return rounds != null && !rounds.isShutdown();
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed, tried again in {} ms: {}", name, everyMillis, e.getMessage());
        }
    }
}
