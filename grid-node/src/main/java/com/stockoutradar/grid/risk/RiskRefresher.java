package com.stockoutradar.grid.risk;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REFRESH_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REFRESH_SEQUENCE;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.IgniteLock;
import org.apache.ignite.transactions.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.compute.risk.NodeScan;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.compute.risk.RiskRefreshRecord;
import com.stockoutradar.compute.risk.RiskScanTask;
import com.stockoutradar.compute.risk.ScanTotals;

/**
 * Runs risk refreshes, one at a time (a request during a refresh joins it; across application instances a cluster
 * lock takes turns). A refresh scans every server node in parallel, then makes its result current in one transaction
 * and drops the rows of older refreshes, keeping the previous one for readers still on it.
 */
@Service
public class RiskRefresher {
    private static final Logger log = LoggerFactory.getLogger(RiskRefresher.class);
    private static final int ATTEMPTS = 3;

    private final Ignite ignite;
    private final RiskProperties settings;
    private final Clock clock;
    private final AtRiskQueries queries;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "risk-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<RiskRefreshView> running;

    public RiskRefresher(Ignite ignite, RiskProperties settings, Clock clock, AtRiskQueries queries) {
        this.ignite = ignite;
        this.settings = settings;
        this.clock = clock;
        this.queries = queries;
    }

    /** Refreshes as of now, or joins the refresh already running. */
    public synchronized CompletableFuture<RiskRefreshView> refresh() {
        return refresh(null);
    }

    /**
     * Refreshes as of {@code asOf} (unix s; null: now) and makes it the current list, or joins the refresh already
     * running. Only the application's own clock makes a current list; callers from outside get {@link #backtest}.
     */
    public synchronized CompletableFuture<RiskRefreshView> refresh(Long asOf) {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(
                    () -> run(asOf == null ? clock.instant().getEpochSecond() : asOf, true, false), worker);
        }
        return running;
    }

    /**
     * As {@link #refresh()}, assessing every product again rather than only those whose numbers may have moved since
     * the last refresh: a full check of the list. Runs after the refresh already running, if any.
     */
    public synchronized CompletableFuture<RiskRefreshView> refreshEveryProduct() {
        CompletableFuture<?> before = running == null ? CompletableFuture.completedFuture(null) : running;
        running = before.handleAsync((done, failed) -> run(clock.instant().getEpochSecond(), true, true), worker);
        return running;
    }

    /**
     * The list as it would have been at {@code asOf} (unix s): answered with its counts, its rows kept under its own
     * id until later refreshes drop them, and never the dashboard's current list.
     */
    public CompletableFuture<RiskRefreshView> backtest(long asOf) {
        return CompletableFuture.supplyAsync(() -> run(asOf, false, true), worker);
    }

    private RiskRefreshView run(long now, boolean current, boolean everyProduct) {
        IgniteLock lock = ignite.reentrantLock("radar-risk-refresh", true, false, true);
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return runOnce(now, current, everyProduct);
                } catch (IgniteException e) {
                    // partitions moved while they were scanned (a node joined or left): scan again on the new
                    // layout; the failed attempt's rows are never made current and are dropped by a later scan
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    log.warn("risk refresh attempt {} of {} failed, trying again: {}", attempt, ATTEMPTS,
                            e.getMessage());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private RiskRefreshView runOnce(long now, boolean current, boolean everyProduct) {
        long id = ignite.atomicSequence(RISK_REFRESH_SEQUENCE, 0, true).incrementAndGet();
        Long previous = queries.currentRefreshId();
        // Readers may still be on the current refresh, or on the one before it when they read its id just before
        // the last switch (back-to-back refreshes): the rows of both stay until the next one.
        Long beforePrevious = previous == null ? null : queries.refreshBefore(previous);
        long keepFrom = beforePrevious != null ? beforePrevious : previous != null ? previous : id;
        RiskParameters parameters = new RiskParameters(id, keepFrom, now, settings.threshold(),
                settings.horizonDays(), current, settings.stockOutLevel());
        if (everyProduct) {
            parameters = parameters.everyProduct();
        }
        long startedAt = clock.millis();
        List<NodeScan> scans = ignite.compute(ignite.cluster().forServers()).withNoFailover()
                .execute(new RiskScanTask(), parameters);
        ScanTotals totals = ScanTotals.of(scans);
        int partitions = ignite.affinity(PRODUCT_CACHE).partitions();
        if (totals.partitions() != partitions) {
            throw new IgniteException("the nodes scanned " + totals.partitions() + " partitions of " + partitions
                    + ": partitions moved during the scan");
        }
        RiskRefreshRecord record = new RiskRefreshRecord(parameters, startedAt / 1000,
                clock.millis() - startedAt, totals, current);
        if (current) {
            makeCurrent(id, previous, record);
        }
        // a backtest has no RISK_REFRESH row: the rows kept for readers follow the refreshes that were current
        log.info("risk {} {} as of {}: {} products ({} assessed) on {} nodes, {} at risk ({} out of stock, {} by "
                        + "the 7-day rule, {} trending) in {} ms", current ? "refresh" : "backtest", id, now,
                totals.products(), totals.assessed(), totals.nodes(), totals.atRisk(), totals.outOfStock(), totals.seedRule(),
                totals.trending(), record.durationMillis());
        return AtRiskQueries.view(id, record);
    }

    /** Switches readers from refresh {@code previous} to refresh {@code id} in one transaction. */
    private void makeCurrent(long id, Long previous, RiskRefreshRecord record) {
        IgniteCache<Long, RiskRefreshRecord> refreshes = ignite.cache(RISK_REFRESH_CACHE);
        try (Transaction tx = ignite.transactions().txStart()) {
            if (previous != null) {
                RiskRefreshRecord old = refreshes.get(previous);
                refreshes.put(previous, old.superseded());
            }
            refreshes.put(id, record);
            tx.commit();
        }
    }
}
