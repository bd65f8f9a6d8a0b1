package com.stockoutradar.web.grid;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.stockoutradar.grid.IgniteConfigurationFactory;
import com.stockoutradar.grid.store.PostgresLag;

/**
 * This node's share of the grid as metrics ({@code /actuator/metrics/radar.grid...}): off-heap memory of the data
 * region, and the products and changes it is primary for (their ratio is the memory a product costs); and how far
 * PostgreSQL is behind the whole grid.
 */
@Component
class GridMetrics implements MeterBinder {
    private static final String REGION = IgniteConfigurationFactory.DATA_REGION;

    private final Ignite ignite;
    private final PostgresLag postgresLag;

    GridMetrics(Ignite ignite, PostgresLag postgresLag) {
        this.ignite = ignite;
        this.postgresLag = postgresLag;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("radar.grid.memory.used", ignite, i -> i.dataRegionMetrics(REGION).getTotalUsedSize())
                .description("off-heap bytes in use in this node's data region").baseUnit("bytes").register(registry);
        Gauge.builder("radar.grid.memory.allocated", ignite,
                        i -> i.dataRegionMetrics(REGION).getTotalAllocatedSize())
                .description("off-heap bytes allocated to this node's data region").baseUnit("bytes")
                .register(registry);
        Gauge.builder("radar.grid.products", ignite, i -> i.cache(PRODUCT_CACHE).localSize(CachePeekMode.PRIMARY))
                .description("products this node is primary for").register(registry);
        Gauge.builder("radar.grid.changes", ignite, i -> i.cache(CHANGE_CACHE).localSize(CachePeekMode.PRIMARY))
                .description("inventory changes this node is primary for").register(registry);
        Gauge.builder("radar.postgres.lag.rows", postgresLag, lag -> lag.ofCluster().rows())
                .description("writes committed in the grid and not yet in PostgreSQL").register(registry);
        Gauge.builder("radar.postgres.lag.seconds", postgresLag, lag -> lag.ofCluster().seconds())
                .description("age of the oldest write not yet in PostgreSQL").baseUnit("seconds").register(registry);
    }
}
