package com.stockoutradar.compute.backtest;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.stream.IntStream;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.binary.BinaryField;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.compute.risk.DemandHistory;
import com.stockoutradar.compute.risk.LocalPartition;
import com.stockoutradar.compute.risk.RiskModel;
import com.stockoutradar.compute.risk.StoredFields;

/**
 * One node's share of a backtest: its primary partitions, one at a time per core. A partition's changes are read
 * once and grouped by product (only that partition's are held), then every product of the partition is judged at
 * every moment of the backtest. Only counts go back.
 */
final class BacktestJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(BacktestJob.class);

    private final BacktestParameters parameters;

    @IgniteInstanceResource
    private transient Ignite ignite;

    BacktestJob(BacktestParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public BacktestCounts execute() {
        long started = System.nanoTime();
        int[] partitions = ignite.affinity(PRODUCT_CACHE).primaryPartitions(ignite.cluster().localNode());
        BacktestCounts counts = IntStream.of(partitions).parallel().mapToObj(this::partition)
                .reduce(BacktestCounts::plus)
                .orElseGet(() -> new BacktestCounts(parameters.dayCount(), parameters.levelCount()));
        log.info("backtest over {} moments: {} products in {} partitions, {} changes, in {} ms",
                parameters.dayCount(), counts.products(0), counts.partitions(),
                counts.changes(), (System.nanoTime() - started) / 1_000_000);
        return counts;
    }

    private BacktestCounts partition(int partition) {
        LongObjectHashMap<ProductTimeline> timelines = new LongObjectHashMap<>();
        long[] changes = {0, Long.MAX_VALUE}; // how many, and the oldest's time
        LocalPartition.changes(ignite, partition, (pid, sale, quantity, timestamp) -> {
            ProductTimeline timeline = timelines.get(pid);
            if (timeline == null) {
                timeline = new ProductTimeline();
                timelines.put(pid, timeline);
            }
            timeline.add(timestamp, sale, quantity);
            changes[0]++;
            changes[1] = Math.min(changes[1], timestamp);
        });
        BacktestCounts counts = new BacktestCounts(parameters.dayCount(), parameters.levelCount());
        BinaryField[] stock = new BinaryField[1];
        LocalPartition.scan(ignite, PRODUCT_CACHE, partition, (Cache.Entry<Long, BinaryObject> product) -> {
            if (stock[0] == null) {
                stock[0] = product.getValue().type().field(StoredFields.PRODUCT_STOCK);
            }
            ProductTimeline timeline = timelines.get(product.getKey());
            judge(timeline != null ? timeline : new ProductTimeline(), stock[0].<Long>value(product.getValue()),
                    counts);
        });
        return counts.over(1, changes[0], changes[1]);
    }

    /** One product at every moment: the rule's class, or the forecast's probability, and whether it ran out. */
    private void judge(ProductTimeline timeline, long stockNow, BacktestCounts counts) {
        for (int day = 0; day < parameters.dayCount(); day++) {
            long t = parameters.day(day);
            long stock = timeline.stockAt(stockNow, t);
            DemandHistory history = timeline.historyAsOf(t);
            RiskClass byRule = RiskModel.ruleClass(stock, history, parameters.threshold());
            double probability = byRule != null ? Double.NaN // not read: the rule flagged it
                    : RiskModel.stockOutProbability(stock, history, parameters.horizonDays(), parameters.level(0));
            counts.add(day, byRule, probability, timeline.ranOut(stock, t, BacktestParameters.OUTCOME_SECONDS),
                    parameters);
        }
    }
}
