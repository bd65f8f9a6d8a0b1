package com.stockoutradar.compute.risk;

import java.util.List;

/** The nodes' scans added up. */
public record ScanTotals(int nodes, long products, long assessed, long changes, long outOfStock, long seedRule,
                         long trending, List<NodeScan> perNode) {

    public static ScanTotals of(List<NodeScan> scans) {
        return new ScanTotals(scans.size(),
                scans.stream().mapToLong(NodeScan::products).sum(),
                scans.stream().mapToLong(NodeScan::assessed).sum(),
                scans.stream().mapToLong(NodeScan::changes).sum(),
                scans.stream().mapToLong(NodeScan::outOfStock).sum(),
                scans.stream().mapToLong(NodeScan::seedRule).sum(),
                scans.stream().mapToLong(NodeScan::trending).sum(),
                List.copyOf(scans));
    }

    /** Partitions the nodes scanned together: all of them exactly once unless partitions moved during the scan. */
    public int partitions() {
        return perNode.stream().mapToInt(NodeScan::partitions).sum();
    }

    public long atRisk() {
        return outOfStock + seedRule + trending;
    }
}
