package com.stockoutradar.grid.store;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.IgniteEx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.OnServerNode;

/**
 * A graceful stop ends with a checkpoint: every page is on disk, so the next start replays no write-ahead log.
 * Ignite's own stop does not take one. Runs after the outbox drainer has stopped, so that its last removals are in.
 */
@Component
@OnServerNode
class CheckpointOnStop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CheckpointOnStop.class);

    private final Ignite ignite;
    private volatile boolean running;

    CheckpointOnStop(Ignite ignite) {
        this.ignite = ignite;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        long started = System.currentTimeMillis();
        try {
            // Ignite has no public call for it; the database manager's is what its own checkpoint triggers use
            ((IgniteEx) ignite).context().cache().context().database().waitForCheckpoint("graceful stop");
            log.info("checkpoint before stopping took {} ms", System.currentTimeMillis() - started);
        } catch (IgniteCheckedException e) {
            log.warn("no checkpoint before stopping ({}): the next start replays the write-ahead log", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return OutboxDrainer.PHASE - 1;
    }
}
