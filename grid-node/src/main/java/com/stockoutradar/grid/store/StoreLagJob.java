package com.stockoutradar.grid.store;

import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/** Asks a server node how far PostgreSQL is behind its share of the grid. */
final class StoreLagJob implements IgniteCallable<StoreLag> {
    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public StoreLag call() {
        OutboxDrainer drainer = OutboxDrainer.on(ignite);
        return drainer == null ? new StoreLag(0, 0, "this node's outbox drainer is not running", 0) : drainer.lag();
    }
}
