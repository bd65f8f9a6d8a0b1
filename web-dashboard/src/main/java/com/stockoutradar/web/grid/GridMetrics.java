package com.stockoutradar.web.grid;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.stockoutradar.grid.cluster.GridStatus;
import com.stockoutradar.grid.store.PostgresLag;

/**
 * This node's share of the grid as metrics ({@code /actuator/metrics/radar.grid...}): off-heap memory of the data
 * region, and the products and changes it is primary for (their ratio is the memory a product costs); and how far
 * PostgreSQL is behind the whole grid.
 */
@Component
class GridMetrics implements MeterBinder {
    private final GridStatus status;
    private final PostgresLag postgresLag;

    GridMetrics(GridStatus status, PostgresLag postgresLag) {
        this.status = status;
        this.postgresLag = postgresLag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("radar.grid.memory.used", status, GridStatus::memoryUsed)
                .description("off-heap bytes in use in this node's data region").baseUnit("bytes").register(registry);
        Gauge.builder("radar.grid.memory.allocated", status, GridStatus::memoryAllocated)
                .description("off-heap bytes allocated to this node's data region").baseUnit("bytes")
                .register(registry);
        Gauge.builder("radar.grid.products", status, GridStatus::primaryProducts)
                .description("products this node is primary for").register(registry);
        Gauge.builder("radar.grid.changes", status, GridStatus::primaryChanges)
                .description("inventory changes this node is primary for").register(registry);
        Gauge.builder("radar.postgres.lag.rows", postgresLag, lag -> lag.ofCluster().rows())
                .description("writes committed in the grid and not yet in PostgreSQL").register(registry);
        Gauge.builder("radar.postgres.lag.seconds", postgresLag, lag -> lag.ofCluster().seconds())
                .description("age of the oldest write not yet in PostgreSQL").baseUnit("seconds").register(registry);
    }
}
