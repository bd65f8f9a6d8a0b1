package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.UUID;

/** What one node's scan of its own primary partitions found; the only thing a node sends back. */
public final class NodeScan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID nodeId;
    private final int partitions;
    private final long products;
    private final long assessed;
    private final long changes;
    private final long outOfStock;
    private final long seedRule;
    private final long trending;
    private final long millis;

    NodeScan(UUID nodeId, int partitions, long products, long assessed, long changes, long outOfStock, long seedRule,
             long trending, long millis) {
        this.nodeId = nodeId;
        this.partitions = partitions;
        this.products = products;
        this.assessed = assessed;
        this.changes = changes;
        this.outOfStock = outOfStock;
        this.seedRule = seedRule;
        this.trending = trending;
        this.millis = millis;
    }

    public UUID nodeId() {
        return nodeId;
    }

    /** Partitions scanned: the ones this node was primary for. */
    public int partitions() {
        return partitions;
    }

    /** Products scanned: this node's primary products. */
    public long products() {
        return products;
    }

    /** Products assessed: all scanned but those whose rows stood since a refresh's last review of them. */
    public long assessed() {
        return assessed;
    }

    public long changes() {
        return changes;
    }

    public long outOfStock() {
        return outOfStock;
    }

    public long seedRule() {
        return seedRule;
    }

    public long trending() {
        return trending;
    }

    public long millis() {
        return millis;
    }
}
