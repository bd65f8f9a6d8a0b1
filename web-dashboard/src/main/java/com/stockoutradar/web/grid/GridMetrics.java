package com.stockoutradar.web.grid;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.stockoutradar.grid.cluster.GridStatus;
import com.stockoutradar.grid.store.PostgresLag;
import com.stockoutradar.grid.store.StoreLag;
import com.stockoutradar.web.metrics.MetricsProperties;
import com.stockoutradar.web.metrics.Sampled;

/**
 * This node's share of the grid as metrics ({@code /actuator/metrics/radar.grid...}): off-heap memory of the data
 * region and its fill, and the products and changes it is primary for (their ratio is the memory a product costs);
 * the cluster's server nodes and lost partitions; and how far PostgreSQL is behind the whole grid.
 */
@Component
class GridMetrics implements MeterBinder {
    private final GridStatus status;
    private final Sampled<GridStatus.Cluster> cluster;
    private final Sampled<StoreLag> postgresLag;

    GridMetrics(GridStatus status, PostgresLag postgresLag, MetricsProperties settings, Clock clock) {
        this.status = status;
        this.cluster = new Sampled<>(status::cluster, settings.sampleFor(), clock);
        this.postgresLag = new Sampled<>(postgresLag::ofCluster, settings.sampleFor(), clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("radar.grid.memory.used", status, GridStatus::memoryUsed)
                .description("off-heap bytes in use in this node's data region").baseUnit("bytes").register(registry);
        Gauge.builder("radar.grid.memory.allocated", status, GridStatus::memoryAllocated)
                .description("off-heap bytes allocated to this node's data region").baseUnit("bytes")
                .register(registry);
        Gauge.builder("radar.grid.memory.fill", cluster, c -> orNaN(c.get().dataRegionFill()))
                .description("share of this node's data region in memory; writes are refused near 1")
                .register(registry);
        Gauge.builder("radar.grid.products", status, GridStatus::primaryProducts)
                .description("products this node is primary for").register(registry);
        Gauge.builder("radar.grid.changes", status, GridStatus::primaryChanges)
                .description("inventory changes this node is primary for").register(registry);
        Gauge.builder("radar.grid.server.nodes", cluster, c -> c.get().serverNodes())
                .description("server nodes in the cluster").register(registry);
        Gauge.builder("radar.grid.lost.partitions", cluster,
                        c -> c.get().lostPartitions().values().stream().mapToInt(Integer::intValue).sum())
                .description("partitions, over all caches, whose every copy is on nodes that left")
                .register(registry);
        Gauge.builder("radar.postgres.lag.rows", postgresLag, lag -> lag.get().rows())
                .description("writes committed in the grid and not yet in PostgreSQL").register(registry);
        Gauge.builder("radar.postgres.lag.seconds", postgresLag, lag -> lag.get().seconds())
                .description("age of the oldest write not yet in PostgreSQL").baseUnit("seconds").register(registry);
        FunctionCounter.builder("radar.postgres.write.failures", postgresLag, lag -> lag.get().failures())
                .description("attempts to write to PostgreSQL that failed, summed over the server nodes")
                .register(registry);
    }

    /** A client node holds no data: no region to fill. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
