package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.AT_RISK_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryField;
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
 * One node's share of a risk refresh, over the partitions this node is primary for (products and their changes
 * share partitions, so these hold both). Partition by partition, on all cores: sums the partition's changes of the
 * last 14 days per product straight from the binary entries (no deserialization, no per-product round trips), then
 * assesses the partition's products and streams the at-risk ones into the same partition of {@code AT_RISK}, where
 * it also drops rows of refreshes no reader can still be on. Memory stays one partition's worth per core.
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

    /** What the partitions of this node held. */
    private static final class Counts {
        final LongAdder products = new LongAdder();
        final LongAdder changes = new LongAdder();
        final LongAdder changeNanos = new LongAdder();
        final LongAdder productNanos = new LongAdder();
        final Map<RiskClass, LongAdder> atRisk = Map.of(RiskClass.OUT_OF_STOCK, new LongAdder(),
                RiskClass.SEED_RULE, new LongAdder(), RiskClass.TRENDING, new LongAdder());

        long atRisk(RiskClass riskClass) {
            return atRisk.get(riskClass).sum();
        }
    }

    @Override
    public NodeScan execute() {
        long started = System.nanoTime();
        int[] partitions = ignite.affinity(PRODUCT_CACHE).primaryPartitions(ignite.cluster().localNode());
        Counts counts = new Counts();
        long flushStarted;
        try (IgniteDataStreamer<AtRiskKey, AtRiskRow> out = ignite.dataStreamer(AT_RISK_CACHE)) {
            out.allowOverwrite(true);
            IntStream.of(partitions).parallel().forEach(partition -> {
                dropOldRows(partition, out);
                long changesStarted = System.nanoTime();
                Map<Long, DemandHistory> histories = histories(partition, counts);
                long productsStarted = System.nanoTime();
                assess(partition, histories, out, counts);
                counts.changeNanos.add(productsStarted - changesStarted);
                counts.productNanos.add(System.nanoTime() - productsStarted);
            });
            flushStarted = System.nanoTime();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        NodeScan scan = new NodeScan(ignite.cluster().localNode().id(), partitions.length, counts.products.sum(),
                counts.changes.sum(),
                counts.atRisk(RiskClass.OUT_OF_STOCK), counts.atRisk(RiskClass.SEED_RULE),
                counts.atRisk(RiskClass.TRENDING), millis);
        log.info("risk scan {}: {} products in {} partitions, {} changes, {} at risk in {} ms (thread time: changes {} ms,"
                        + " products {} ms; last writes {} ms)", parameters.refreshId(), scan.products(),
                partitions.length, scan.changes(), scan.outOfStock() + scan.seedRule() + scan.trending(), millis,
                counts.changeNanos.sum() / 1_000_000, counts.productNanos.sum() / 1_000_000,
                (System.nanoTime() - flushStarted) / 1_000_000);
        return scan;
    }

    /** The partition's changes of the last 14 days, summed per product. */
    private Map<Long, DemandHistory> histories(int partition, Counts counts) {
        long now = parameters.now();
        long since = now - RiskParameters.TREND_DAYS * RiskParameters.DAY;
        Map<Long, DemandHistory> histories = new HashMap<>();
        BinaryField[] fields = new BinaryField[4];
        scan(CHANGE_CACHE, partition, (Cache.Entry<BinaryObject, BinaryObject> change) -> {
            BinaryObject value = change.getValue();
            if (fields[0] == null) {
                // field handles read a value without building a reader per object
                fields[0] = value.type().field("timestamp");
                fields[1] = value.type().field("type");
                fields[2] = value.type().field("quantity");
                fields[3] = change.getKey().type().field("pid");
            }
            long timestamp = fields[0].<Long>value(value);
            if (timestamp > since) {
                counts.changes.increment();
                histories.computeIfAbsent(fields[3].<Long>value(change.getKey()), pid -> new DemandHistory())
                        .add(SALE.equals(fields[1].value(value)), fields[2].<Long>value(value), timestamp, now);
            }
        });
        return histories;
    }

    private void assess(int partition, Map<Long, DemandHistory> histories, IgniteDataStreamer<AtRiskKey, AtRiskRow> out,
                        Counts counts) {
        BinaryField[] fields = new BinaryField[2];
        scan(PRODUCT_CACHE, partition, (Cache.Entry<Long, BinaryObject> product) -> {
            counts.products.increment();
            if (fields[0] == null) {
                fields[0] = product.getValue().type().field("stock");
                fields[1] = product.getValue().type().field("name");
            }
            long pid = product.getKey();
            Assessment assessment = RiskModel.assess(fields[0].<Long>value(product.getValue()),
                    histories.getOrDefault(pid, NO_CHANGES), parameters);
            if (assessment.atRisk()) {
                out.addData(new AtRiskKey(parameters.refreshId(), pid),
                        new AtRiskRow(fields[1].value(product.getValue()), assessment, parameters.now()));
                counts.atRisk.get(assessment.riskClass()).increment();
            }
        });
    }

    /** Rows of refreshes before the one readers may still be on are no longer read by anyone. */
    private void dropOldRows(int partition, IgniteDataStreamer<AtRiskKey, AtRiskRow> out) {
        scan(AT_RISK_CACHE, partition, (Cache.Entry<BinaryObject, BinaryObject> row) -> {
            long refreshId = row.getKey().<Long>field("refreshId");
            if (refreshId < parameters.keepFrom()) {
                out.removeData(new AtRiskKey(refreshId, row.getKey().<Long>field("pid")));
            }
        });
    }

    /** Visits every entry of one local partition of a cache, as binary objects. */
    private <K> void scan(String cacheName, int partition, Consumer<Cache.Entry<K, BinaryObject>> visitor) {
        IgniteCache<K, BinaryObject> cache = ignite.cache(cacheName).withKeepBinary();
        try (QueryCursor<Cache.Entry<K, BinaryObject>> cursor = cache.query(
                new ScanQuery<K, BinaryObject>(partition).setLocal(true))) {
            cursor.forEach(visitor);
        }
    }
}
