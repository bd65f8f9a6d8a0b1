package com.stockoutradar.web.grid;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.cluster.GridStatus;
import com.stockoutradar.grid.store.PostgresLag;
import com.stockoutradar.grid.store.StoreLag;

/**
 * {@code /actuator/health}'s view of the grid: DOWN while the cluster is inactive or holds lost partitions (their
 * products are refused), with the data region, the disk and how far PostgreSQL is behind as details.
 */
@Component("grid")
class GridHealth implements HealthIndicator {
    private final GridStatus status;
    private final PostgresLag postgresLag;

    GridHealth(GridStatus status, PostgresLag postgresLag) {
        this.status = status;
        this.postgresLag = postgresLag;
    }

    @Override
    public Health health() {
        GridStatus.Cluster cluster = status.cluster();
        if (!cluster.active()) {
            return Health.down().withDetail("cluster", "inactive: waiting for its baseline nodes").build();
        }
        Health.Builder health = cluster.lostPartitions().isEmpty() ? Health.up() : Health.down();
        health.withDetail("serverNodes", cluster.serverNodes())
                .withDetail("offlineBaselineNodes", cluster.offlineBaselineNodes())
                .withDetail("lostPartitions", cluster.lostPartitions());
        if (cluster.dataRegionFill() != null) {
            health.withDetail("dataRegionFill", cluster.dataRegionFill())
                    .withDetail("freeDiskBytes", cluster.freeDiskBytes());
        }
        StoreLag lag = postgresLag.ofCluster();
        Map<String, Object> postgres = new LinkedHashMap<>();
        postgres.put("lagRows", lag.rows());
        postgres.put("lagSeconds", lag.seconds());
        postgres.put("lastFailure", lag.lastFailure());
        return health.withDetail("postgres", postgres).build();
    }
}
