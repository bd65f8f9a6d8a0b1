package com.stockoutradar.web.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.ignite.Ignite;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.IgniteConfigurationFactory;
import com.stockoutradar.grid.cluster.ClusterActivation;
import com.stockoutradar.grid.store.PostgresLag;
import com.stockoutradar.grid.store.StoreLag;

/**
 * {@code /actuator/health}'s view of the grid: DOWN while the cluster is inactive or holds lost partitions (their
 * products are refused), with the data region, the disk and how far PostgreSQL is behind as details.
 */
@Component("grid")
class GridHealth implements HealthIndicator {
    private final Ignite ignite;
    private final PostgresLag postgresLag;

    GridHealth(Ignite ignite, PostgresLag postgresLag) {
        this.ignite = ignite;
        this.postgresLag = postgresLag;
    }

    @Override
    public Health health() {
        if (!ignite.cluster().state().active()) {
            return Health.down().withDetail("cluster", "inactive: waiting for its baseline nodes").build();
        }
        Map<String, Integer> lost = new LinkedHashMap<>();
        for (String cache : ignite.cacheNames()) {
            int partitions = ignite.cache(cache).lostPartitions().size();
            if (partitions > 0) {
                lost.put(cache, partitions);
            }
        }
        Health.Builder health = lost.isEmpty() ? Health.up() : Health.down();
        health.withDetail("serverNodes", ignite.cluster().forServers().nodes().size())
                .withDetail("offlineBaselineNodes", ClusterActivation.offlineBaselineNodes(ignite))
                .withDetail("lostPartitions", lost);
        if (!ignite.cluster().localNode().isClient()) {
            var region = ignite.dataRegionMetrics(IgniteConfigurationFactory.DATA_REGION);
            long max = ignite.configuration().getDataStorageConfiguration().getDefaultDataRegionConfiguration()
                    .getMaxSize();
            health.withDetail("dataRegionFill", (double) region.getPhysicalMemorySize() / max)
                    .withDetail("freeDiskBytes", freeDisk());
        }
        StoreLag lag = postgresLag.ofCluster();
        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("lagRows", lag.rows());
        postgres.put("lagSeconds", lag.seconds());
        postgres.put("lastFailure", lag.lastFailure());
        return health.withDetail("postgres", postgres).build();
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
