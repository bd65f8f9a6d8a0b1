package com.stockoutradar.grid.cluster;

import java.util.ArrayList;
import java.util.List;

import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.OnServerNode;
import com.stockoutradar.grid.ScheduledWork;

/**
 * Partitions whose every copy was on nodes that left are refused until those nodes are back with their data on
 * disk; then Ignite still keeps them marked lost until told otherwise. This clears the mark once every baseline node
 * is online again, so that the data comes back into service by itself, never as an empty partition.
 */
@Component
@OnServerNode
class LostPartitionsRecovery extends ScheduledWork {
    private static final Logger log = LoggerFactory.getLogger(LostPartitionsRecovery.class);
    private static final long CHECK_EVERY_MILLIS = 2_000;

    LostPartitionsRecovery(Ignite ignite) {
        super(ignite, "lost-partitions", CHECK_EVERY_MILLIS);
    }

    @Override
    protected void runOnce() {
        recoverIfBaselineComplete(ignite);
    }

    /** Brings lost partitions back into service when every baseline node, and so every copy, is online. */
    static void recoverIfBaselineComplete(Ignite ignite) {
        List<String> withLoss = cachesWithLostPartitions(ignite);
        if (!withLoss.isEmpty() && allBaselineNodesOnline(ignite)) {
            log.info("every baseline node is back: bringing the lost partitions of {} into service again", withLoss);
            ignite.resetLostPartitions(withLoss);
        }
    }

    static List<String> cachesWithLostPartitions(Ignite ignite) {
        List<String> withLoss = new ArrayList<>();
        for (String cache : ignite.cacheNames()) {
            if (!ignite.cache(cache).lostPartitions().isEmpty()) {
                withLoss.add(cache);
            }
        }
        return withLoss;
    }

    private static boolean allBaselineNodesOnline(Ignite ignite) {
        return ignite.cluster().currentBaselineTopology() != null
                && ClusterActivation.offlineBaselineNodes(ignite).isEmpty();
    }
}
