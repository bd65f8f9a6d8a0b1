package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.AT_RISK_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.HashMap;
import java.util.Map;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.api.ChangeType;

/**
 * One node's share of a risk refresh. Reads this node's primary changes of the last 14 days and its primary products
 * straight from the binary entries (no deserialization, no per-product round trips), assesses every product, and
 * streams the at-risk ones into the local partitions of {@code AT_RISK}.
 */
final class RiskScanJob extends ComputeJobAdapter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RiskScanJob.class);
    private static final DemandHistory NO_CHANGES = new DemandHistory();

    private final RiskParameters parameters;

    @IgniteInstanceResource
    private transient Ignite ignite;

    RiskScanJob(RiskParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public NodeScan execute() {
        long started = System.nanoTime();
        long now = parameters.now();
        long since = now - RiskParameters.TREND_DAYS * RiskParameters.DAY;
        String sale = ChangeType.SALE.name();

        IgniteCache<BinaryObject, BinaryObject> changes = ignite.cache(CHANGE_CACHE).withKeepBinary();
        Map<Long, DemandHistory> histories = new HashMap<>();
        long changeCount = 0;
        for (Cache.Entry<BinaryObject, BinaryObject> change : changes.localEntries(CachePeekMode.PRIMARY)) {
            BinaryObject value = change.getValue();
            long timestamp = value.<Long>field("timestamp");
            if (timestamp > since) {
                changeCount++;
                long pid = change.getKey().<Long>field("pid");
                histories.computeIfAbsent(pid, p -> new DemandHistory())
                        .add(sale.equals(value.field("type")), value.<Long>field("quantity"), timestamp, now);
            }
        }

        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        long productCount = 0;
        long outOfStock = 0;
        long seedRule = 0;
        long trending = 0;
        try (IgniteDataStreamer<AtRiskKey, AtRiskRow> atRisk = ignite.dataStreamer(AT_RISK_CACHE)) {
            for (Cache.Entry<Long, BinaryObject> product : products.localEntries(CachePeekMode.PRIMARY)) {
                productCount++;
                long pid = product.getKey();
                Assessment assessment = RiskModel.assess(product.getValue().<Long>field("stock"),
                        histories.getOrDefault(pid, NO_CHANGES), parameters);
                if (assessment.atRisk()) {
                    atRisk.addData(new AtRiskKey(parameters.refreshId(), pid),
                            new AtRiskRow(product.getValue().field("name"), assessment, now));
                    switch (assessment.riskClass()) {
                        case OUT_OF_STOCK -> outOfStock++;
                        case SEED_RULE -> seedRule++;
                        case TRENDING -> trending++;
                    }
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("risk scan {}: {} products, {} changes, {} at risk in {} ms", parameters.refreshId(), productCount,
                changeCount, outOfStock + seedRule + trending, millis);
        return new NodeScan(ignite.cluster().localNode().id(), productCount, changeCount, outOfStock, seedRule,
                trending, millis);
    }
}
