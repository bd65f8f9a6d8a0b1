package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.AT_RISK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.api.RiskClass;

/**
 * One node's share of a risk refresh, over the partitions this node is primary for (products and their changes
 * share partitions, so these hold both), partition by partition on all cores.
 * <p>
 * A refresh that becomes current assesses each product from this node's {@link RiskLedger} (stock, version and
 * demand days on the heap, no entry to read) and compares with the product's {@code LIVE_RISK} row: ingestion keeps
 * the rows current as products change, so the refresh writes only the few rows that time alone moved (sales leaving
 * the 7-day window, a stock-out date the forecast's clock moved to another day; {@link LiveRiskReconciliation}).
 * <p>
 * A backtest reads the caches themselves instead: each product's {@link DemandDays} straight from its binary entry
 * (no deserialization, no per-product round trips), or, as of a time more than a day back that the kept days no
 * longer cover, the partition's changes summed. It streams its at-risk products into the same partition of
 * {@code AT_RISK} under its own id, where it also drops rows of backtests before. Either way only a product whose
 * changes the 7-day window's start splits within one day costs an index lookup of that day's changes
 * ({@link ProductAssessor}); the ledger keeps what a refresh read for the next, until the product changes.
 */
final class RiskScanJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RiskScanJob.class);

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
        final LongAdder stood = new LongAdder();
        final Map<RiskClass, LongAdder> atRisk = Map.of(RiskClass.OUT_OF_STOCK, new LongAdder(),
                RiskClass.SEED_RULE, new LongAdder(), RiskClass.TRENDING, new LongAdder());

        /** {@code assessment} is null for a product not at risk. */
        void assessed(Assessment assessment, DemandHistory history) {
            products.increment();
            changes.add(history.changes());
            if (assessment != null) {
                atRisk.get(assessment.riskClass()).increment();
            }
        }

        /** A product whose row stands without an assessment: {@code held}, or none when not at risk. */
        void stood(AtRiskRow held) {
            products.increment();
            stood.increment();
            if (held != null) {
                atRisk.get(held.riskClass()).increment();
            }
        }

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
        boolean covered = DemandDays.cover(parameters.now(), System.currentTimeMillis() / 1000);
        ProductAssessor assessor = new ProductAssessor(ignite, parameters, true);
        Counts counts = new Counts();
        if (ignite.cache(AT_RISK_CACHE).localSizeLong(CachePeekMode.PRIMARY) > 0) {
            try (IgniteDataStreamer<AtRiskKey, AtRiskRow> gone = ignite.dataStreamer(AT_RISK_CACHE)) {
                gone.allowOverwrite(true);
                IntStream.of(partitions).parallel().forEach(partition -> dropOldRows(partition, gone));
            }
        }
        String source;
        if (parameters.reconcilesLive()) {
            if (!covered) {
                throw new IllegalArgumentException("a refresh that becomes current is as of the last day at most; "
                        + "as of " + parameters.now() + " it is a backtest");
            }
            source = "ledger";
            List<PartitionLedger> ledgers = RiskLedger.on(ignite).current();
            ledgers.parallelStream().forEach(ledger -> counts.liveWrites.add(
                    LiveRiskReconciliation.write(ignite, assessor, assess(ledger, assessor, counts))));
        } else {
            source = covered ? "product days" : "changes";
            // The backtest's keys are new: its rows are loaded, which skips the per-entry update path.
            try (IgniteDataStreamer<AtRiskKey, AtRiskRow> out = ignite.dataStreamer(AT_RISK_CACHE)) {
                IntStream.of(partitions).parallel().forEach(partition ->
                        assess(partition, covered ? fromDays(assessor) : fromChanges(partition), out, counts));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        NodeScan scan = new NodeScan(ignite.cluster().localNode().id(), partitions.length, counts.products.sum(),
                counts.products.sum() - counts.stood.sum(), counts.changes.sum(),
                counts.atRisk(RiskClass.OUT_OF_STOCK), counts.atRisk(RiskClass.SEED_RULE),
                counts.atRisk(RiskClass.TRENDING), millis);
        log.info("risk scan {} from the {}: {} products in {} partitions, {} changes summarized, {} window-start "
                        + "lookups, {} at risk, {} live rows rewritten, {} standing since their last review, in {} ms",
                parameters.refreshId(), source, scan.products(), partitions.length, scan.changes(), assessor.lookups(),
                scan.outOfStock() + scan.seedRule() + scan.trending(), counts.liveWrites.sum(), counts.stood.sum(),
                millis);
        return scan;
    }

    /**
     * Assesses one partition's products from the ledger; returns the live rows that differ from the assessments.
     * A product whose version and row are those an earlier refresh assessed, before the moment time alone may change
     * its numbers ({@link RiskModel#review}), is not assessed again: its row stands.
     */
    private List<LiveRiskReconciliation.Fix> assess(PartitionLedger ledger, ProductAssessor assessor, Counts counts) {
        PartitionLedger.Products products = ledger.products(parameters);
        int size = products.pids().length;
        List<LiveRiskReconciliation.Fix> fixes = new ArrayList<>();
        long[] standing = new long[size];
        long[] standingVersions = new long[size];
        AtRiskRow[] standingRows = new AtRiskRow[size];
        long[] standingUntil = new long[size];
        int stood = 0;
        long[] unread = new long[size];
        int skipped = 0;
        for (int i = 0; i < size; i++) {
            long pid = products.pids()[i];
            AtRiskRow held = products.live()[i];
            if (!parameters.assessesEveryProduct() && products.standsUntil()[i] > parameters.now()) {
                counts.stood(held);
                unread[skipped++] = pid;
                continue;
            }
            long version = products.versions()[i];
            DemandHistory history = assessor.history(pid, products.demands()[i], ProductAssessor.Uncommitted.NONE,
                    (product, day) -> ledger.dayOfChanges(product, version, day, assessor));
            RiskModel.Reviewed reviewed = RiskModel.review(products.stocks()[i], history, parameters);
            Assessment assessment = reviewed.assessment();
            counts.assessed(assessment, history);
            boolean stands = assessment != null ? held != null && held.standsFor(assessment, version,
                    parameters.now()) : held == null;
            if (!stands) {
                fixes.add(new LiveRiskReconciliation.Fix(pid, version, assessment == null ? null
                        : RiskModel.assess(products.stocks()[i], history, parameters)));
            } else if (reviewed.reviewAt() != 0) {
                standing[stood] = pid;
                standingVersions[stood] = version;
                standingRows[stood] = held;
                standingUntil[stood++] = reviewed.reviewAt() == NextReview.NEVER ? Long.MAX_VALUE
                        : reviewed.reviewAt();
            }
        }
        products.unmatchedLive().forEach(pid -> fixes.add(LiveRiskReconciliation.Fix.noProduct(pid)));
        ledger.stands(stood, standing, standingVersions, standingRows, standingUntil);
        ledger.refreshed(skipped, unread);
        return fixes;
    }

    /** From the days kept in each product's entry. */
    private static Histories fromDays(ProductAssessor assessor) {
        BinaryField[] demand = new BinaryField[1];
        return (pid, product) -> {
            if (demand[0] == null) {
                demand[0] = product.type().field(StoredFields.PRODUCT_DEMAND);
            }
            return assessor.history(pid, demand[0].value(product), ProductAssessor.Uncommitted.NONE);
        };
    }

    /** From the partition's changes of the trend's days, summed per product. */
    private Histories fromChanges(int partition) {
        long now = parameters.now();
        long since = DemandHistory.trendStart(now);
        Map<Long, DemandHistory> histories = new HashMap<>();
        LocalPartition.changes(ignite, partition, (pid, sale, quantity, timestamp) -> {
            if (timestamp >= since) {
                histories.computeIfAbsent(pid, p -> new DemandHistory(now)).add(sale, quantity, timestamp);
            }
        });
        DemandHistory none = new DemandHistory(now); // only read by the model
        return (pid, product) -> histories.getOrDefault(pid, none);
    }

    private void assess(int partition, Histories histories, IgniteDataStreamer<AtRiskKey, AtRiskRow> out,
                        Counts counts) {
        BinaryField[] fields = new BinaryField[3];
        LocalPartition.scan(ignite, PRODUCT_CACHE, partition, (Cache.Entry<Long, BinaryObject> product) -> {
            if (fields[0] == null) {
                fields[0] = product.getValue().type().field(StoredFields.PRODUCT_STOCK);
                fields[1] = product.getValue().type().field(StoredFields.PRODUCT_NAME);
                fields[2] = product.getValue().type().field(StoredFields.PRODUCT_VERSION);
            }
            long pid = product.getKey();
            DemandHistory history = histories.of(pid, product.getValue());
            Assessment assessment = RiskModel.assessIfAtRisk(fields[0].<Long>value(product.getValue()), history,
                    parameters);
            counts.assessed(assessment, history);
            if (assessment != null) {
                out.addData(new AtRiskKey(parameters.refreshId(), pid), new AtRiskRow(fields[1].value(
                        product.getValue()), assessment, parameters.now(), fields[2].<Long>value(product.getValue())));
            }
        });
    }

    /** Rows of backtests before the ones readers may still be on are no longer read by anyone. */
    private void dropOldRows(int partition, IgniteDataStreamer<AtRiskKey, AtRiskRow> out) {
        LocalPartition.scan(ignite, AT_RISK_CACHE, partition, (Cache.Entry<BinaryObject, BinaryObject> row) -> {
            long refreshId = row.getKey().<Long>field(StoredFields.AT_RISK_KEY_REFRESH_ID);
            if (refreshId < parameters.keepFrom()) {
                out.removeData(new AtRiskKey(refreshId, row.getKey().<Long>field(StoredFields.KEY_PID)));
            }
        });
    }
}
