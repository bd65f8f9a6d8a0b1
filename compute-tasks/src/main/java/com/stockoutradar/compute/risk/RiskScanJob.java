package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.AT_RISK_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.RiskClass;

/**
 * One node's share of a risk refresh. Reads, partition by partition, this node's primary changes of the last 14 days
 * and its primary products straight from the binary entries (no deserialization, no per-product round trips),
 * assesses every product, and streams the at-risk ones into the local partitions of {@code AT_RISK}.
 */
final class RiskScanJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RiskScanJob.class);
    private static final DemandHistory NO_CHANGES = new DemandHistory();
    private static final String SALE = ChangeType.SALE.name();

    private final RiskParameters parameters;

    @IgniteInstanceResource
    private transient Ignite ignite;

    RiskScanJob(RiskParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public NodeScan execute() {
        long started = System.nanoTime();
        // products and their changes share partitions: the ones this node is primary for hold both
        int[] partitions = ignite.affinity(PRODUCT_CACHE).primaryPartitions(ignite.cluster().localNode());
        Map<Long, DemandHistory> histories = new HashMap<>();
        long changes = scanChanges(partitions, histories);
        Map<RiskClass, Long> atRisk = new EnumMap<>(RiskClass.class);
        long products;
        try (IgniteDataStreamer<AtRiskKey, AtRiskRow> out = ignite.dataStreamer(AT_RISK_CACHE)) {
            products = scan(PRODUCT_CACHE, partitions, (Cache.Entry<Long, BinaryObject> product) -> {
                long pid = product.getKey();
                Assessment assessment = RiskModel.assess(product.getValue().<Long>field("stock"),
                        histories.getOrDefault(pid, NO_CHANGES), parameters);
                if (assessment.atRisk()) {
                    out.addData(new AtRiskKey(parameters.refreshId(), pid),
                            new AtRiskRow(product.getValue().field("name"), assessment, parameters.now()));
                    atRisk.merge(assessment.riskClass(), 1L, Long::sum);
                }
            });
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("risk scan {}: {} products in {} partitions, {} changes, {} at risk in {} ms", parameters.refreshId(),
                products, partitions.length, changes, atRisk.values().stream().mapToLong(Long::longValue).sum(),
                millis);
        return new NodeScan(ignite.cluster().localNode().id(), products, changes,
                atRisk.getOrDefault(RiskClass.OUT_OF_STOCK, 0L), atRisk.getOrDefault(RiskClass.SEED_RULE, 0L),
                atRisk.getOrDefault(RiskClass.TRENDING, 0L), millis);
    }

    /** Sums each product's changes of the last 14 days; returns how many changes that were. */
    private long scanChanges(int[] partitions, Map<Long, DemandHistory> histories) {
        long now = parameters.now();
        long since = now - RiskParameters.TREND_DAYS * RiskParameters.DAY;
        long[] recent = {0};
        scan(CHANGE_CACHE, partitions, (Cache.Entry<BinaryObject, BinaryObject> change) -> {
            BinaryObject value = change.getValue();
            long timestamp = value.<Long>field("timestamp");
            if (timestamp > since) {
                recent[0]++;
                histories.computeIfAbsent(change.getKey().<Long>field("pid"), pid -> new DemandHistory())
                        .add(SALE.equals(value.field("type")), value.<Long>field("quantity"), timestamp, now);
            }
        });
        return recent[0];
    }

    /** Visits every entry of the given local partitions of a cache, as binary objects; returns how many. */
    private <K> long scan(String cacheName, int[] partitions, Consumer<Cache.Entry<K, BinaryObject>> visitor) {
        IgniteCache<K, BinaryObject> cache = ignite.cache(cacheName).withKeepBinary();
        long entries = 0;
        for (int partition : partitions) {
            try (QueryCursor<Cache.Entry<K, BinaryObject>> cursor = cache.query(
                    new ScanQuery<K, BinaryObject>(partition).setLocal(true))) {
                for (Cache.Entry<K, BinaryObject> entry : cursor) {
                    visitor.accept(entry);
                    entries++;
                }
            }
        }
        return entries;
    }
}
