package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REVIEW_CACHE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.OnServerNode;
import com.stockoutradar.grid.PrimaryPartitionSweep;
import com.stockoutradar.grid.inventory.Product;

/**
 * Assesses again, on each server node, the products of its primary partitions whose numbers time alone has changed
 * since they were last written: those whose {@code RISK_REVIEW} time has come. A sweep over the time index, as
 * {@code RetentionSweeper} does, so that a product leaves (or enters) {@code LIVE_RISK} within seconds of the moment,
 * not at the next hourly refresh.
 * <p>
 * Each batch is one transaction that locks the products, as ingestion does (sorted), and writes their rows and next
 * reviews through {@link LiveRisk}: a concurrent sale either comes first and is seen, or waits.
 */
@Component
@OnServerNode
public class RiskReviewer extends PrimaryPartitionSweep {
    /** Products a transaction locks: short holds on the locks ingestion also takes. */
    private static final int BATCH = 1_000;

    private final IgniteCache<Long, Product> products;
    private final IgniteCache<Long, RiskReview> reviews;

    public RiskReviewer(Ignite ignite, RiskProperties risk) {
        super(ignite, "risk-review", RISK_REVIEW_CACHE,
                "SELECT pid FROM RISK_REVIEW WHERE review_at <= ? LIMIT " + BATCH, risk.reviewEvery().toMillis());
        this.products = ignite.cache(PRODUCT_CACHE);
        this.reviews = ignite.cache(RISK_REVIEW_CACHE);
    }

    @Override
    protected long dueSince(long now) {
        return now;
    }

    /** Every review written is later than {@code now}, and a product gone takes its review along: the sweep ends. */
    @Override
    protected void handle(List<List<?>> rows, long now) {
        Set<Long> pids = new TreeSet<>(); // sorted, as ingestion locks them
        rows.forEach(row -> pids.add((Long) row.get(0)));
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ)) {
            Map<Long, Product> current = new TreeMap<>(products.getAll(pids));
            Set<Long> gone = new TreeSet<>(pids);
            gone.removeAll(current.keySet());
            reviews.removeAll(gone);
            LiveRisk.on(ignite).update(current, now);
            tx.commit();
        }
    }
}
