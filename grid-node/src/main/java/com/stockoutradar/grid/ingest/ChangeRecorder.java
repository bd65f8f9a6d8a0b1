package com.stockoutradar.grid.ingest;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.springframework.stereotype.Service;

import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.inventory.StockOutOfRangeException;
import com.stockoutradar.grid.outbox.Admission;

/**
 * Records validated changes. A batch whose products share a primary node is applied there, in a transaction local
 * to it (one round trip); a batch spanning nodes is applied from here in one transaction across them, so that it
 * is stored whole or not at all. An unknown product stores nothing.
 */
@Service
public class ChangeRecorder {
    private final Ignite ignite;

    public ChangeRecorder(Ignite ignite) {
        this.ignite = ignite;
    }

    public ChangeOutcomes record(ChangeBatch batch) {
        Set<ClusterNode> primaries = primaryNodes(batch);
        if (primaries.size() == 1) {
            ClusterNode primary = primaries.iterator().next();
            if (primary.isLocal()) {
                return ChangeWriter.on(ignite).write(batch);
            }
            // A job that lost its node is not re-run elsewhere: it may have committed, and without event ids a re-run
            // would count the changes twice. The caller gets an error and decides.
            try {
                return ignite.compute(ignite.cluster().forNode(primary)).withNoFailover()
                        .call(new RecordChangesJob(batch));
            } catch (RuntimeException e) {
                throw unwrapped(e);
            }
        }
        try {
            // The transaction from here writes on each of these nodes: each must take writes, as it checks when a
            // job brings it a batch.
            Admission.check(ignite, primaries);
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
        return ChangeWriter.on(ignite).write(batch);
    }

    private Set<ClusterNode> primaryNodes(ChangeBatch batch) {
        Affinity<Long> affinity = ignite.affinity(PRODUCT_CACHE);
        Set<Long> pids = new HashSet<>();
        Set<ClusterNode> nodes = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (pids.add(batch.pid(i))) {
                nodes.add(primaryOf(affinity, batch.pid(i)));
            }
        }
        return nodes;
    }

    private static ClusterNode primaryOf(Affinity<Long> affinity, long pid) {
        try {
            return affinity.mapKeyToNode(pid);
        } catch (IgniteException e) {
            throw new GridUnavailableException("product " + pid + " is in a partition whose nodes all left the "
                    + "cluster (lost partitions)", Duration.ofSeconds(30), e);
        }
    }

    /** The refusal the job's node raised, as if it had been raised here. */
    private static RuntimeException unwrapped(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownProductsException || t instanceof EventIdConflictException
                    || t instanceof StockOutOfRangeException || t instanceof GridUnavailableException) {
                return (RuntimeException) t;
            }
        }
        return GridUnavailableException.of(e).map(RuntimeException.class::cast).orElse(e);
    }
}
