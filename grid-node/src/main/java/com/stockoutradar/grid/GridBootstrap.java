package com.stockoutradar.grid;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_ID_SEQUENCE;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;
import org.apache.ignite.IgniteLock;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.cluster.ClusterActivation;
import com.stockoutradar.grid.demo.DemoData;
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
        // With partitions lost, the grid cannot be asked; the sequence itself is on every server and survived.
        long lastInGrid = ClusterActivation.hasAllPartitions(ignite) ? lastIdInGrid(ignite) : 0;
        long lastUsed = Math.max(lastIdInPostgres(), lastInGrid);
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

    /** Changes not yet in PostgreSQL may carry ids above its own. */
    private static long lastIdInGrid(Ignite ignite) {
        Object max = ignite.cache(CHANGE_CACHE)
                .query(new SqlFieldsQuery("SELECT max(id) FROM INVENTORY_CHANGE")).getAll().get(0).get(0);
        return max == null ? 0 : (Long) max;
    }
}
