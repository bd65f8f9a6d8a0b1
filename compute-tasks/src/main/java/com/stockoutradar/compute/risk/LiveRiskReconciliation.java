package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * Writes the {@code LIVE_RISK} rows a refresh found out of date. Ingestion may change a product after the refresh
 * assessed it; such a product must not be set back to what the refresh saw. So the rows are written in small
 * pessimistic transactions that lock their products first (in id order, as ingestion does), and a product whose
 * version moved since is assessed again from the locked value.
 */
final class LiveRiskReconciliation {
    private static final int BATCH = 256;
    /** The version of a product the refresh did not find: its row has no product left. */
    private static final long NO_PRODUCT = -1;

    /** One product's row to put (as {@code assessment} of {@code version}) or, for a null assessment, remove. */
    record Fix(long pid, long version, Assessment assessment) {
        static Fix noProduct(long pid) {
            return new Fix(pid, NO_PRODUCT, null);
        }
    }

    private LiveRiskReconciliation() {
    }

    /** Writes the fixes of one partition; returns how many rows were put or removed. */
    static long write(Ignite ignite, ProductAssessor assessor, List<Fix> fixes) {
        fixes.sort(Comparator.comparingLong(Fix::pid));
        long written = 0;
        for (int from = 0; from < fixes.size(); from += BATCH) {
            written += writeBatch(ignite, assessor, fixes.subList(from, Math.min(fixes.size(), from + BATCH)));
        }
        return written;
    }

    private static int writeBatch(Ignite ignite, ProductAssessor assessor, List<Fix> batch) {
        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        IgniteCache<Long, AtRiskRow> live = ignite.cache(LIVE_RISK_CACHE);
        Set<Long> pids = new TreeSet<>();
        batch.forEach(fix -> pids.add(fix.pid()));
        long now = assessor.parameters().now();
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Map<Long, BinaryObject> locked = products.getAll(pids);
            Map<Long, AtRiskRow> puts = new TreeMap<>();
            Set<Long> removes = new TreeSet<>();
            for (Fix fix : batch) {
                BinaryObject product = locked.get(fix.pid());
                Assessment assessment = product == null ? null
                        : version(product) == fix.version() ? fix.assessment() : reassess(assessor, fix.pid(), product);
                if (assessment == null || !assessment.atRisk()) {
                    removes.add(fix.pid());
                } else {
                    puts.put(fix.pid(), new AtRiskRow(product.field(StoredFields.PRODUCT_NAME), assessment, now,
                            version(product)));
                }
            }
            live.putAll(puts);
            live.removeAll(removes);
            tx.commit();
        }
        return batch.size();
    }

    /** A product ingestion changed since the refresh assessed it: its locked value, as of the refresh's time. */
    private static Assessment reassess(ProductAssessor assessor, long pid, BinaryObject product) {
        return assessor.assess(pid, product.<Long>field(StoredFields.PRODUCT_STOCK),
                product.field(StoredFields.PRODUCT_DEMAND), ProductAssessor.Uncommitted.NONE);
    }

    private static long version(BinaryObject product) {
        return product.<Long>field(StoredFields.PRODUCT_VERSION);
    }
}
