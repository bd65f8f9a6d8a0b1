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
 * share partitions, so these hold both). Partition by partition, on all cores, it assesses each product from the
 * {@link DemandDays} in its entry, read straight from the binary entry (no deserialization, no per-product round
 * trips), and streams the at-risk ones into the same partition of {@code AT_RISK}, where it also drops rows of
 * refreshes no reader can still be on. Only a product whose changes the 7-day window's start splits within one day
 * costs an index lookup of that day's changes ({@link ProductAssessor}).
 * <p>
 * A refresh that becomes current also brings the partition's {@code LIVE_RISK} rows in line
 * ({@link LiveRiskReconciliation}): ingestion keeps them current as products change, and the refresh catches up
 * with what only time changes (sales leaving the 7-day window, the forecast's clock).
 * <p>
 * A refresh as of a time more than a day back (a backtest) predates the days products keep, so it sums the
 * partition's changes instead.
 */
final class RiskScanJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RiskScanJob.class);
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
        final LongAdder liveWrites = new LongAdder();
        final Map<RiskClass, LongAdder> atRisk = Map.of(RiskClass.OUT_OF_STOCK, new LongAdder(),
                RiskClass.SEED_RULE, new LongAdder(), RiskClass.TRENDING, new LongAdder());

        long atRisk(RiskClass riskClass) {
            return atRisk.get(riskClass).sum();
        }
    }

    /** A product's demand history, from what its partition holds. */
    private interface Histories {
        DemandHistory of(long pid, BinaryObject product);
    }

    @Override
    public NodeScan execute() {
        long started = System.nanoTime();
        int[] partitions = ignite.affinity(PRODUCT_CACHE).primaryPartitions(ignite.cluster().localNode());
        boolean backtest = !DemandDays.cover(parameters.now(), System.currentTimeMillis() / 1000);
        boolean reconcile = parameters.reconcilesLive() && !backtest;
        ProductAssessor assessor = new ProductAssessor(ignite, parameters, true);
        Counts counts = new Counts();
        long flushStarted;
        // The new refresh's keys are new: its rows are loaded, which skips the per-entry update path.
        try (IgniteDataStreamer<AtRiskKey, AtRiskRow> out = ignite.dataStreamer(AT_RISK_CACHE);
             IgniteDataStreamer<AtRiskKey, AtRiskRow> gone = ignite.dataStreamer(AT_RISK_CACHE)) {
            gone.allowOverwrite(true);
            IntStream.of(partitions).parallel().forEach(partition -> {
                dropOldRows(partition, gone);
                LiveRiskReconciliation live = reconcile ? new LiveRiskReconciliation(ignite, assessor, partition)
                        : null;
                assess(partition, backtest ? fromChanges(partition, counts) : fromDays(assessor, counts), out,
                        live, counts);
                if (live != null) {
                    counts.liveWrites.add(live.write());
                }
            });
            flushStarted = System.nanoTime();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        NodeScan scan = new NodeScan(ignite.cluster().localNode().id(), partitions.length, counts.products.sum(),
                counts.changes.sum(),
                counts.atRisk(RiskClass.OUT_OF_STOCK), counts.atRisk(RiskClass.SEED_RULE),
                counts.atRisk(RiskClass.TRENDING), millis);
        log.info("risk scan {}{}: {} products in {} partitions, {} changes summarized, {} window-start lookups, "
                        + "{} at risk, {} live rows rewritten in {} ms (last writes {} ms)", parameters.refreshId(),
                backtest ? " (backtest)" : "", scan.products(), partitions.length, scan.changes(), assessor.lookups(),
                scan.outOfStock() + scan.seedRule() + scan.trending(), counts.liveWrites.sum(), millis,
                (System.nanoTime() - flushStarted) / 1_000_000);
        return scan;
    }

    /** From the days kept in each product's entry. */
    private static Histories fromDays(ProductAssessor assessor, Counts counts) {
        BinaryField[] demand = new BinaryField[1];
        return (pid, product) -> {
            if (demand[0] == null) {
                demand[0] = product.type().field(StoredFields.PRODUCT_DEMAND);
            }
            DemandHistory history = assessor.history(pid, demand[0].value(product), ProductAssessor.Uncommitted.NONE);
            counts.changes.add(history.changes());
            return history;
        };
    }

    /** From the partition's changes of the trend's days, summed per product. */
    private Histories fromChanges(int partition, Counts counts) {
        long now = parameters.now();
        long since = DemandHistory.trendStart(now);
        Map<Long, DemandHistory> histories = new HashMap<>();
        BinaryField[] fields = new BinaryField[4];
        scan(CHANGE_CACHE, partition, (Cache.Entry<BinaryObject, BinaryObject> change) -> {
            BinaryObject value = change.getValue();
            if (fields[0] == null) {
                // field handles read a value without building a reader per object
                fields[0] = value.type().field(StoredFields.CHANGE_TIMESTAMP);
                fields[1] = value.type().field(StoredFields.CHANGE_TYPE);
                fields[2] = value.type().field(StoredFields.CHANGE_QUANTITY);
                fields[3] = change.getKey().type().field(StoredFields.KEY_PID);
            }
            long timestamp = fields[0].<Long>value(value);
            if (timestamp >= since) {
                counts.changes.increment();
                histories.computeIfAbsent(fields[3].<Long>value(change.getKey()), pid -> new DemandHistory(now))
                        .add(SALE.equals(fields[1].value(value)), fields[2].<Long>value(value), timestamp);
            }
        });
        DemandHistory none = new DemandHistory(now); // only read by the model
        return (pid, product) -> histories.getOrDefault(pid, none);
    }

    private void assess(int partition, Histories histories, IgniteDataStreamer<AtRiskKey, AtRiskRow> out,
                        LiveRiskReconciliation live, Counts counts) {
        BinaryField[] fields = new BinaryField[3];
        scan(PRODUCT_CACHE, partition, (Cache.Entry<Long, BinaryObject> product) -> {
            counts.products.increment();
            if (fields[0] == null) {
                fields[0] = product.getValue().type().field(StoredFields.PRODUCT_STOCK);
                fields[1] = product.getValue().type().field(StoredFields.PRODUCT_NAME);
                fields[2] = product.getValue().type().field(StoredFields.PRODUCT_VERSION);
            }
            long pid = product.getKey();
            Assessment assessment = RiskModel.assess(fields[0].<Long>value(product.getValue()),
                    histories.of(pid, product.getValue()), parameters);
            String name = fields[1].value(product.getValue());
            long version = fields[2].<Long>value(product.getValue());
            AtRiskRow row = assessment.atRisk() ? new AtRiskRow(name, assessment, parameters.now(), version) : null;
            if (row != null) {
                out.addData(new AtRiskKey(parameters.refreshId(), pid), row);
                counts.atRisk.get(assessment.riskClass()).increment();
            }
            if (live != null) {
                live.assessed(pid, version, row);
            }
        });
    }

    /** Rows of refreshes before the one readers may still be on are no longer read by anyone. */
    private void dropOldRows(int partition, IgniteDataStreamer<AtRiskKey, AtRiskRow> out) {
        scan(AT_RISK_CACHE, partition, (Cache.Entry<BinaryObject, BinaryObject> row) -> {
            long refreshId = row.getKey().<Long>field(StoredFields.AT_RISK_KEY_REFRESH_ID);
            if (refreshId < parameters.keepFrom()) {
                out.removeData(new AtRiskKey(refreshId, row.getKey().<Long>field(StoredFields.KEY_PID)));
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
