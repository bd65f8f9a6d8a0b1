package com.stockoutradar.grid.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCluster;
import org.apache.ignite.cluster.BaselineNode;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a node with persistent data into service. A cluster that has never been active is activated once it has
 * its first {@code initialNodes} servers, which fixes them as its baseline (the nodes that hold data). Later starts
 * come back active by themselves when the baseline nodes are back. A new server joining an active cluster is added
 * to the baseline, so that it takes its share of the data.
 */
public final class ClusterActivation {
    private static final Logger log = LoggerFactory.getLogger(ClusterActivation.class);
    private static final long REPORT_EVERY_MILLIS = 5_000;
    private static final long POLL_MILLIS = 100;

    private ClusterActivation() {
    }

    public static void activateServer(Ignite ignite, int initialNodes) {
        IgniteCluster cluster = ignite.cluster();
        long reported = 0;
        while (!cluster.state().active()) {
            Collection<BaselineNode> baseline = cluster.currentBaselineTopology();
            Collection<ClusterNode> servers = cluster.forServers().nodes();
            if (baseline == null && servers.size() >= initialNodes && isOldest(ignite, servers)) {
                log.info("first start of this cluster: activating it with {} server nodes as its baseline",
                        servers.size());
                cluster.state(ClusterState.ACTIVE);
                break;
            }
            if (System.currentTimeMillis() - reported >= REPORT_EVERY_MILLIS) {
                reported = System.currentTimeMillis();
                log.info(baseline == null
                        ? "waiting for " + initialNodes + " server nodes to activate the new cluster ("
                                + servers.size() + " here)"
                        : "waiting for the baseline nodes " + offlineBaselineNodes(ignite)
                                + " before the cluster is active again");
            }
            pause();
        }
        joinBaseline(ignite);
        // a node coming back to partitions lost while it was away: they are whole again if every node is back
        LostPartitionsRecovery.recoverIfBaselineComplete(ignite);
    }

    /** Whether every partition of every cache has a copy online. */
    public static boolean hasAllPartitions(Ignite ignite) {
        return LostPartitionsRecovery.cachesWithLostPartitions(ignite).isEmpty();
    }

    /** A client node waits until the servers have activated the cluster. */
    public static void awaitActive(Ignite ignite) {
        long reported = 0;
        while (!ignite.cluster().state().active()) {
            if (System.currentTimeMillis() - reported >= REPORT_EVERY_MILLIS) {
                reported = System.currentTimeMillis();
                log.info("waiting for the cluster's server nodes to activate it");
            }
            pause();
        }
    }

    private static void joinBaseline(Ignite ignite) {
        IgniteCluster cluster = ignite.cluster();
        Collection<BaselineNode> baseline = cluster.currentBaselineTopology();
        Object self = cluster.localNode().consistentId();
        if (baseline != null && baseline.stream().noneMatch(n -> n.consistentId().equals(self))) {
            List<BaselineNode> grown = new ArrayList<>(baseline);
            grown.add(cluster.localNode());
            cluster.setBaselineTopology(grown);
            log.info("joined the baseline: this node now holds its share of the data");
        }
    }

    private static boolean isOldest(Ignite ignite, Collection<ClusterNode> servers) {
        return servers.stream().min((a, b) -> Long.compare(a.order(), b.order()))
                .map(ClusterNode::isLocal).orElse(false);
    }

    /** The baseline nodes (those that hold data) not in the cluster now; empty before the first activation. */
    public static Set<Object> offlineBaselineNodes(Ignite ignite) {
        Collection<BaselineNode> baseline = ignite.cluster().currentBaselineTopology();
        if (baseline == null) {
            return Set.of();
        }
        Set<Object> online = ignite.cluster().forServers().nodes().stream().map(ClusterNode::consistentId)
                .collect(Collectors.toSet());
        return baseline.stream().map(BaselineNode::consistentId).filter(id -> !online.contains(id))
                .collect(Collectors.toSet());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster to be active", e);
        }
    }
}
