package com.stockoutradar.grid;

import java.util.List;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work each server node does on a schedule over its own primary partitions: an indexed local query finds the rows
 * that are due, a batch at a time, until none is left. The handler must make the rows it is given not due any more,
 * or the sweep would find them again.
 */
public abstract class PrimaryPartitionSweep extends ScheduledWork {
    private static final Logger log = LoggerFactory.getLogger(PrimaryPartitionSweep.class);

    private final String name;
    private final String cache;
    private final String dueQuery;

    /**
     * @param dueQuery a query of {@code cache}'s table with one parameter (see {@link #dueSince}) and a
     *                 {@code LIMIT}: one batch
     */
    protected PrimaryPartitionSweep(Ignite ignite, String name, String cache, String dueQuery, long everyMillis) {
        super(ignite, name, everyMillis);
        this.name = name;
        this.cache = cache;
        this.dueQuery = dueQuery;
    }

    /** The query's parameter as of {@code now} (unix s). */
    protected abstract long dueSince(long now);

    /** Takes care of one batch of due rows (the query's columns). */
    protected abstract void handle(List<List<?>> rows, long now);

    @Override
    protected void runOnce() {
        long handled = sweep(System.currentTimeMillis() / 1000);
        if (handled > 0) {
            log.info("{}: {} rows", name, handled);
        }
    }

    /** Handles this node's rows due as of {@code now}; returns how many. */
    public long sweep(long now) {
        int[] primary = ignite.affinity(cache).primaryPartitions(ignite.cluster().localNode());
        if (primary.length == 0) {
            return 0;
        }
        SqlFieldsQuery query = new SqlFieldsQuery(dueQuery).setArgs(dueSince(now)).setLocal(true)
                .setPartitions(primary);
        long handled = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<List<?>> rows = ignite.cache(cache).query(query).getAll();
            if (rows.isEmpty()) {
                break;
            }
            handle(rows, now);
            handled += rows.size();
        }
        return handled;
    }
}
