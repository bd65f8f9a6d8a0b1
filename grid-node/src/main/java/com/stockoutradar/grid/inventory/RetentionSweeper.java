package com.stockoutradar.grid.inventory;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.springframework.stereotype.Component;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.OnServerNode;
import com.stockoutradar.grid.PrimaryPartitionSweep;

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
public class RetentionSweeper extends PrimaryPartitionSweep {
    /** Keys a removal takes: small transactions, a short hold on the event ids that ingestion also locks. */
    private static final int BATCH = 1_000;

    private final IgniteCache<InventoryChangeKey, ?> changes;
    private final IgniteCache<String, ?> events;
    private final long retentionSeconds;

    public RetentionSweeper(Ignite ignite, GridProperties grid) {
        super(ignite, "retention-sweep", CHANGE_CACHE,
                "SELECT id, pid, event_id FROM INVENTORY_CHANGE WHERE timestamp <= ? LIMIT " + BATCH,
                grid.retentionSweepEvery().toMillis());
        this.changes = ignite.cache(CHANGE_CACHE);
        this.events = ignite.cache(EVENT_CACHE);
        this.retentionSeconds = grid.retention().toSeconds();
    }

    @Override
    protected long dueSince(long now) {
        return now - retentionSeconds;
    }

    @Override
    protected void handle(List<List<?>> rows, long now) {
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
    }
}
