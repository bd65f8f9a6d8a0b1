package com.stockoutradar.grid.inventory;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.OnServerNode;

/**
 * Takes the changes that have left the retention window, with their event ids, out of this node's primary
 * partitions; PostgreSQL keeps them. A sweep over the timestamp index instead of a per-entry expiry: an expiry is
 * one more B+tree entry, logged to the WAL, for every change and every event id, and it keeps the data streamer off
 * its fast path on a cold start.
 * <p>
 * A change's event id goes first, so that a repeat never finds an event id whose change is gone. A repeat of a
 * change that has left the window is refused by its timestamp before it gets here.
 */
@Component
@OnServerNode
public class RetentionSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    /** Keys a removal takes: small transactions, a short hold on the event ids that ingestion also locks. */
    private static final int BATCH = 1_000;
    private static final String LEFT_THE_WINDOW =
            "SELECT id, pid, event_id FROM INVENTORY_CHANGE WHERE timestamp <= ? LIMIT " + BATCH;

    private final Ignite ignite;
    private final IgniteCache<InventoryChangeKey, ?> changes;
    private final IgniteCache<String, ?> events;
    private final long retentionSeconds;
    private final long everyMillis;
    private ScheduledExecutorService sweeps;

    public RetentionSweeper(Ignite ignite, GridProperties grid) {
        this.ignite = ignite;
        this.changes = ignite.cache(CHANGE_CACHE);
        this.events = ignite.cache(EVENT_CACHE);
        this.retentionSeconds = grid.retention().toSeconds();
        this.everyMillis = grid.retentionSweepEvery().toMillis();
    }

    @Override
    public void start() {
        sweeps = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention-sweep-" + ignite.name());
            thread.setDaemon(true);
            return thread;
        });
        sweeps.scheduleWithFixedDelay(this::sweepQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        sweeps.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return sweeps != null && !sweeps.isShutdown();
    }

    private void sweepQuietly() {
        try {
            long removed = sweep(System.currentTimeMillis() / 1000);
            if (removed > 0) {
                log.info("retention: {} changes older than {} s left the grid", removed, retentionSeconds);
            }
        } catch (RuntimeException e) {
            log.warn("retention sweep failed, tried again in {} ms: {}", everyMillis, e.getMessage());
        }
    }

    /** Removes this node's changes with {@code timestamp <= now - retention}; returns how many. */
    long sweep(long now) {
        int[] primary = ignite.affinity(CHANGE_CACHE).primaryPartitions(ignite.cluster().localNode());
        if (primary.length == 0) {
            return 0;
        }
        SqlFieldsQuery query = new SqlFieldsQuery(LEFT_THE_WINDOW).setArgs(now - retentionSeconds)
                .setLocal(true).setPartitions(primary);
        long removed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<List<?>> rows = changes.query(query).getAll();
            if (rows.isEmpty()) {
                break;
            }
            Set<InventoryChangeKey> keys = new TreeSet<>(Comparator.comparingLong(InventoryChangeKey::id));
            Set<String> eventIds = new TreeSet<>(); // sorted, as ingestion locks them
            for (List<?> row : rows) {
                keys.add(new InventoryChangeKey((Long) row.get(0), (Long) row.get(1)));
                if (row.get(2) != null) {
                    eventIds.add((String) row.get(2));
                }
            }
            events.removeAll(eventIds);
            changes.removeAll(keys);
            removed += keys.size();
        }
        return removed;
    }
}
