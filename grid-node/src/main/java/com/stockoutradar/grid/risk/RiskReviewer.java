package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REVIEW_CACHE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.OnServerNode;
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
public class RiskReviewer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RiskReviewer.class);
    /** Products a transaction locks: short holds on the locks ingestion also takes. */
    private static final int BATCH = 1_000;
    private static final String DUE = "SELECT pid FROM RISK_REVIEW WHERE review_at <= ? LIMIT " + BATCH;

    private final Ignite ignite;
    private final IgniteCache<Long, Product> products;
    private final IgniteCache<Long, RiskReview> reviews;
    private final long everyMillis;
    private ScheduledExecutorService sweeps;

    public RiskReviewer(Ignite ignite, RiskProperties risk) {
        this.ignite = ignite;
        this.products = ignite.cache(PRODUCT_CACHE);
        this.reviews = ignite.cache(RISK_REVIEW_CACHE);
        this.everyMillis = risk.reviewEvery().toMillis();
    }

    @Override
    public void start() {
        sweeps = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "risk-review-" + ignite.name());
            thread.setDaemon(true);
            return thread;
        });
        sweeps.scheduleWithFixedDelay(this::reviewQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        sweeps.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return sweeps != null && !sweeps.isShutdown();
    }

    private void reviewQuietly() {
        try {
            long reviewed = review(System.currentTimeMillis() / 1000);
            if (reviewed > 0) {
                log.debug("risk review: {} products assessed again", reviewed);
            }
        } catch (RuntimeException e) {
            log.warn("risk review failed, tried again in {} ms: {}", everyMillis, e.getMessage());
        }
    }

    /** Assesses again this node's products due by {@code now}; returns how many. */
    long review(long now) {
        int[] primary = ignite.affinity(RISK_REVIEW_CACHE).primaryPartitions(ignite.cluster().localNode());
        if (primary.length == 0) {
            return 0;
        }
        SqlFieldsQuery query = new SqlFieldsQuery(DUE).setArgs(now).setLocal(true).setPartitions(primary);
        long reviewed = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<List<?>> rows = reviews.query(query).getAll();
            if (rows.isEmpty()) {
                break;
            }
            Set<Long> pids = new TreeSet<>(); // sorted, as ingestion locks them
            rows.forEach(row -> pids.add((Long) row.get(0)));
            reviewAll(pids, now);
            reviewed += pids.size();
        }
        return reviewed;
    }

    /** Every review written is later than {@code now}, and a product gone takes its review along: the loop ends. */
    private void reviewAll(Set<Long> pids, long now) {
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
