package com.stockoutradar.grid;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_ID_SEQUENCE;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.demo.DemoData;
import com.stockoutradar.grid.store.ColdStartLoader;

/**
 * A server node's start: seed the demo into an empty database (before the node starts), then, once it is in the
 * cluster, reload an empty grid from PostgreSQL and make sure the change id sequence continues after every id
 * already used.
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
        coldStart.loadIfEmpty(ignite);
        if (ignite.atomicSequence(CHANGE_ID_SEQUENCE, 0, false) == null) {
            long lastId = Math.max(lastIdInPostgres(), lastIdInGrid(ignite));
            ignite.atomicSequence(CHANGE_ID_SEQUENCE, lastId, true);
            log.info("change ids continue after {}", lastId);
        }
    }

    private long lastIdInPostgres() {
        Long max = jdbc.queryForObject("SELECT max(id) FROM inventory_change", Long.class);
        return max == null ? 0 : max;
    }

    /** Changes not yet written behind may carry ids above PostgreSQL's. */
    private static long lastIdInGrid(Ignite ignite) {
        Object max = ignite.cache(CHANGE_CACHE)
                .query(new SqlFieldsQuery("SELECT max(id) FROM INVENTORY_CHANGE")).getAll().get(0).get(0);
        return max == null ? 0 : (Long) max;
    }
}
