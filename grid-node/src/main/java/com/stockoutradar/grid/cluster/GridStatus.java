package com.stockoutradar.grid.cluster;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.internal.IgniteEx;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.IgniteConfigurationFactory;

/** What this node and its cluster look like now, for health checks, metrics and the start banner. */
@Component
public class GridStatus {
    private final Ignite ignite;

    public GridStatus(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * The cluster's state; {@code dataRegionFill} and {@code freeDiskBytes} (-1: unknown) only on a server node,
     * which holds data.
     */
    public record Cluster(boolean active, int serverNodes, Set<Object> offlineBaselineNodes,
                          Map<String, Integer> lostPartitions, Double dataRegionFill, Long freeDiskBytes) {
    }

    public Cluster cluster() {
        if (!ignite.cluster().state().active()) {
            return new Cluster(false, ignite.cluster().forServers().nodes().size(), Set.of(), Map.of(), null, null);
        }
        Map<String, Integer> lost = new LinkedHashMap<>();
        for (String cache : ignite.cacheNames()) {
            int partitions = ignite.cache(cache).lostPartitions().size();
            if (partitions > 0) {
                lost.put(cache, partitions);
            }
        }
        boolean server = !ignite.cluster().localNode().isClient();
        return new Cluster(true, ignite.cluster().forServers().nodes().size(),
                ClusterActivation.offlineBaselineNodes(ignite), lost,
                server ? regionFill() : null, server ? freeDisk() : null);
    }

    /** Off-heap bytes in use in this node's data region. */
    public long memoryUsed() {
        return ignite.dataRegionMetrics(IgniteConfigurationFactory.DATA_REGION).getTotalUsedSize();
    }

    public long memoryAllocated() {
        return ignite.dataRegionMetrics(IgniteConfigurationFactory.DATA_REGION).getTotalAllocatedSize();
    }

    public long primaryProducts() {
        return ignite.cache(PRODUCT_CACHE).localSizeLong(CachePeekMode.PRIMARY);
    }

    public long primaryChanges() {
        return ignite.cache(CHANGE_CACHE).localSizeLong(CachePeekMode.PRIMARY);
    }

    /** The port the thin JDBC driver and thin clients connect to on this node (the first free one of its range). */
    public int clientConnectorPort() {
        return ((IgniteEx) ignite).context().clientListener().port();
    }

    /** The share of the region's pages in memory: past a limit, writes are refused before memory runs out. */
    private double regionFill() {
        long max = ignite.configuration().getDataStorageConfiguration().getDefaultDataRegionConfiguration()
                .getMaxSize();
        return (double) ignite.dataRegionMetrics(IgniteConfigurationFactory.DATA_REGION).getPhysicalMemorySize() / max;
    }

    private long freeDisk() {
        try {
            return Files.getFileStore(Path.of(ignite.configuration().getDataStorageConfiguration().getStoragePath()))
                    .getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
