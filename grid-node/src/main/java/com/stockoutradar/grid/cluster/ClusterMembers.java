package com.stockoutradar.grid.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.spi.discovery.tcp.internal.TcpDiscoveryNode;

/**
 * The nodes of the cluster a node has joined and where they are, for its start-up log: a node that met a cluster it
 * was not meant to shows it at once.
 */
public final class ClusterMembers {

    private ClusterMembers() {
    }

    /** E.g. "2 nodes (2 servers, 0 clients): node-1 127.0.0.1:47600 (this node), node-2 127.0.0.1:47601". */
    public static String describe(Ignite ignite) {
        Collection<ClusterNode> nodes = ignite.cluster().nodes();
        long clients = nodes.stream().filter(ClusterNode::isClient).count();
        return count(nodes.size(), "node") + " (" + count(nodes.size() - clients, "server") + ", "
                + count(clients, "client") + "): "
                + nodes.stream().sorted(Comparator.comparingLong(ClusterNode::order))
                        .map(node -> node.consistentId() + " " + String.join(" ", addresses(node))
                                + (node.isClient() ? " (client)" : "") + (node.isLocal() ? " (this node)" : ""))
                        .collect(Collectors.joining(", "));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Where other nodes reach this one: its discovery addresses, the seeds to list for a node joining it. A client
     * node listens on no discovery port: its hosts alone.
     */
    public static List<String> addresses(ClusterNode node) {
        int port = node instanceof TcpDiscoveryNode tcp && !node.isClient() ? tcp.discoveryPort() : 0;
        return node.addresses().stream().map(host -> port == 0 ? host : host + ":" + port).toList();
    }
}
