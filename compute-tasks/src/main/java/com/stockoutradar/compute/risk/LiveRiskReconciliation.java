package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.cache.Cache;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

/**
 * Brings one partition's {@code LIVE_RISK} rows in line with a refresh's assessments, writing only the rows that
 * differ (most do not: ingestion keeps them current). Ingestion may change a product after the scan read it; such a
 * product must not be set back to what the scan saw. So the rows to write are written in small pessimistic
 * transactions that lock their products first (in id order, as ingestion does), and a product whose version moved
 * since the scan read it is assessed again from the locked value.
 */
final class LiveRiskReconciliation {
    private static final int BATCH = 256;
    /** The version of a product the scan did not find: its row has no product left. */
    private static final long NO_PRODUCT = -1;

    private record Fix(long pid, long version, AtRiskRow row) {
    }

    private final Ignite ignite;
    private final ProductAssessor assessor;
    /** The partition's rows that no scanned product has claimed yet. */
    private final Map<Long, AtRiskRow> unmatched = new HashMap<>();
    private final List<Fix> fixes = new ArrayList<>();

    LiveRiskReconciliation(Ignite ignite, ProductAssessor assessor, int partition) {
        this.ignite = ignite;
        this.assessor = assessor;
        IgniteCache<Long, AtRiskRow> live = ignite.cache(LIVE_RISK_CACHE);
        try (QueryCursor<Cache.Entry<Long, AtRiskRow>> rows = live.query(
                new ScanQuery<Long, AtRiskRow>(partition).setLocal(true))) {
            rows.forEach(row -> unmatched.put(row.getKey(), row.getValue()));
        }
    }

    /** What the scan found for one product of the partition, assessed from {@code version}; null: not at risk. */
    void assessed(long pid, long version, AtRiskRow row) {
        AtRiskRow current = unmatched.remove(pid);
        if (row == null ? current != null : !row.sameAssessment(current)) {
            fixes.add(new Fix(pid, version, row));
        }
    }

    /** Writes the rows that differ from what the scan found; returns how many were put or removed. */
    long write() {
        unmatched.keySet().forEach(pid -> fixes.add(new Fix(pid, NO_PRODUCT, null)));
        fixes.sort(Comparator.comparingLong(Fix::pid));
        long written = 0;
        for (int from = 0; from < fixes.size(); from += BATCH) {
            written += write(fixes.subList(from, Math.min(fixes.size(), from + BATCH)));
        }
        return written;
    }

    private int write(List<Fix> batch) {
        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        IgniteCache<Long, AtRiskRow> live = ignite.cache(LIVE_RISK_CACHE);
        Set<Long> pids = new TreeSet<>();
        batch.forEach(fix -> pids.add(fix.pid()));
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Map<Long, BinaryObject> locked = products.getAll(pids);
            Map<Long, AtRiskRow> puts = new TreeMap<>();
            Set<Long> removes = new TreeSet<>();
            for (Fix fix : batch) {
                BinaryObject product = locked.get(fix.pid());
                AtRiskRow row = product == null ? null
                        : version(product) == fix.version() ? fix.row() : reassess(fix.pid(), product);
                if (row == null) {
                    removes.add(fix.pid());
                } else {
                    puts.put(fix.pid(), row);
                }
            }
            live.putAll(puts);
            live.removeAll(removes);
            tx.commit();
        }
        return batch.size();
    }

    /** A product ingestion changed while the scan ran: its locked value, as of the refresh's time. */
    private AtRiskRow reassess(long pid, BinaryObject product) {
        Assessment assessment = assessor.assess(pid, product.<Long>field(StoredFields.PRODUCT_STOCK),
                product.field(StoredFields.PRODUCT_DEMAND), ProductAssessor.Uncommitted.NONE);
        return assessment.atRisk() ? new AtRiskRow(product.field(StoredFields.PRODUCT_NAME), assessment,
                assessor.parameters().now(), version(product)) : null;
    }

    private static long version(BinaryObject product) {
        return product.<Long>field(StoredFields.PRODUCT_VERSION);
    }
}
