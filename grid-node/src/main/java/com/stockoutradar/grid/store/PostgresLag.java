package com.stockoutradar.grid.store;

import java.util.Collection;

import org.apache.ignite.Ignite;
import org.springframework.stereotype.Service;

/** How far PostgreSQL is behind the whole grid, asked of every server node. */
@Service
public class PostgresLag {
    private final Ignite ignite;

    public PostgresLag(Ignite ignite) {
        this.ignite = ignite;
    }

    public StoreLag ofCluster() {
        Collection<StoreLag> nodes = ignite.compute(ignite.cluster().forServers()).broadcast(new StoreLagJob());
        long rows = 0;
        double seconds = 0;
        String failure = null;
        long failures = 0;
        for (StoreLag node : nodes) {
            rows += node.rows();
            failures += node.failures();
            seconds = Math.max(seconds, node.seconds());
            failure = failure != null ? failure : node.lastFailure();
        }
        return new StoreLag(rows, seconds, failure, failures);
    }
}
