package com.stockoutradar.grid;

import static com.stockoutradar.api.GridNames.CHANGE_ID_SEQUENCE;
import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLock;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.cluster.ClusterActivation;
import com.stockoutradar.grid.demo.DemoData;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.store.ColdStartLoader;

/**
 * A server node's start: seed the demo into an empty database (before the node starts), then, once the cluster is
 * active, reload an empty grid from PostgreSQL and make sure the change id sequence continues after every id
 * already used, in the grid or in PostgreSQL.
 */
@Component
@OnServerNode
class GridBootstrap {
    private static final Logger log = LoggerFactory.getLogger(GridBootstrap.class);

    private final DemoData demo;
    private final ColdStartLoader coldStart;
    private final JdbcTemplate jdbc;

    GridBootstrap(DemoData demo, ColdStartLoader coldStart, JdbcTemplate jdbc) {
        this.demo = demo;
        this.coldStart = coldStart;
        this.jdbc = jdbc;
    }

    void beforeStart() {
        demo.seedIfEmpty();
    }

    void afterStart(Ignite ignite) {
        // One node at a time: the first loads for the whole cluster, the others find the grid filled.
        IgniteLock lock = ignite.reentrantLock("radar-bootstrap", true, false, true);
        lock.lock();
        try {
            coldStart.loadIfEmpty(ignite);
            continueChangeIds(ignite);
        } finally {
            lock.unlock();
        }
    }

    private void continueChangeIds(Ignite ignite) {
        // The outbox first: a change that leaves it before the scan is in PostgreSQL before PostgreSQL is asked.
        // With partitions lost it cannot be read; the sequence itself is on every server and survived.
        long notInPostgres = ClusterActivation.hasAllPartitions(ignite) ? lastIdNotInPostgres(ignite) : 0;
        long lastUsed = Math.max(notInPostgres, lastIdInPostgres());
        IgniteAtomicSequence ids = ignite.atomicSequence(CHANGE_ID_SEQUENCE, lastUsed, true);
        long current = ids.get();
        if (current < lastUsed) {
            // the grid's data was lost or restored from an older copy while PostgreSQL kept going
            ids.getAndAdd(lastUsed - current);
            log.warn("the change id sequence stood at {}, behind ids already used: moved on to {}", current,
                    lastUsed);
        }
        log.info("change ids continue after {}", Math.max(current, lastUsed));
    }

    private long lastIdInPostgres() {
        Long max = jdbc.queryForObject("SELECT max(id) FROM inventory_change", Long.class);
        return max == null ? 0 : max;
    }

    /**
     * Changes not yet in PostgreSQL may carry ids above its own; they are exactly the outbox's. A scan of the
     * backlog, not a {@code max(id)} over every change in the grid, which no index serves (10 s at 3M changes).
     */
    private static long lastIdNotInPostgres(Ignite ignite) {
        IgniteCache<PendingWriteKey, PendingWrite> outbox = ignite.cache(OUTBOX_CACHE);
        long max = 0;
        try (QueryCursor<Long> ids = outbox.query(new ScanQuery<PendingWriteKey, PendingWrite>(),
                pending -> pending.getValue().changeId())) {
            for (long id : ids) {
                max = Math.max(max, id);
            }
        }
        return max;
    }
}
