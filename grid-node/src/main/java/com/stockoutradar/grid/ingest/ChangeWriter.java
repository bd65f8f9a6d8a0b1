package com.stockoutradar.grid.ingest;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_ID_SEQUENCE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;
import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionDeadlockException;
import org.apache.ignite.transactions.TransactionIsolation;
import org.apache.ignite.transactions.TransactionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.compute.risk.ProductAssessor;
import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.inventory.StockOutOfRangeException;
import com.stockoutradar.grid.outbox.Admission;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.risk.LiveRisk;
import com.stockoutradar.grid.summary.SalesSummaries;
import com.stockoutradar.grid.summary.SummaryBatch;

/**
 * Applies a batch of changes in one pessimistic transaction: it looks up the event ids, locks the products, stores
 * each change with its stock-after, the new stock, the event ids, for each change the pending write that carries it
 * to PostgreSQL, each product's {@code LIVE_RISK} row ({@link LiveRisk}) and the analysts' summaries
 * ({@link SalesSummaries}). Products, changes, pending writes and
 * risk rows are colocated, so a batch whose products share a node commits on that node alone; a batch spanning nodes
 * commits on all of them or on none.
 */
public final class ChangeWriter {
    private static final Logger log = LoggerFactory.getLogger(ChangeWriter.class);
    private static final int ATTEMPTS = 3;

    private final Ignite ignite;
    private final IgniteCache<Long, Product> products;
    private final IgniteCache<InventoryChangeKey, InventoryChange> changes;
    private final IgniteCache<String, InventoryChangeKey> events;
    private final IgniteCache<PendingWriteKey, PendingWrite> outbox;
    private final IgniteAtomicSequence ids;
    private final Admission admission;
    private final LiveRisk liveRisk;
    private final SalesSummaries summaries;
    private final long timeoutMillis;

    private ChangeWriter(Ignite ignite) {
        this.ignite = ignite;
        this.products = ignite.cache(PRODUCT_CACHE);
        this.changes = ignite.cache(CHANGE_CACHE);
        this.events = ignite.cache(EVENT_CACHE);
        this.outbox = ignite.cache(OUTBOX_CACHE);
        this.ids = ignite.atomicSequence(CHANGE_ID_SEQUENCE, 0, false);
        if (ids == null) {
            throw new GridUnavailableException("the change id sequence does not exist yet: the grid is still starting",
                    Duration.ofSeconds(5));
        }
        this.admission = Admission.on(ignite);
        this.liveRisk = LiveRisk.on(ignite);
        this.summaries = SalesSummaries.on(ignite);
        this.timeoutMillis = ignite.configuration().getTransactionConfiguration().getDefaultTxTimeout();
    }

    /** This node's writer; one per node, shared by all ingestion jobs that run here. */
    public static ChangeWriter on(Ignite ignite) {
        return (ChangeWriter) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(ChangeWriter.class.getName(), key -> new ChangeWriter(ignite));
    }

    public ChangeOutcomes write(ChangeBatch batch) {
        admission.check();
        long lastUsedId = ids.getAndAdd(batch.size());
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(batch, lastUsedId);
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isLockConflict(e)) {
                    log.warn("ingestion transaction of {} changes hit a lock conflict, attempt {} of {}: {}",
                            batch.size(), attempt, ATTEMPTS, e.getMessage());
                    continue;
                }
                throw GridUnavailableException.of(e).map(RuntimeException.class::cast).orElse(e);
            }
        }
    }

    private ChangeOutcomes writeOnce(ChangeBatch batch, long lastUsedId) {
        int size = batch.size();
        long now = System.currentTimeMillis() / 1000;
        Set<Long> pids = new TreeSet<>();
        Set<String> eventIds = new TreeSet<>();
        Set<Long> buyers = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            pids.add(batch.pid(i));
            if (batch.customerId(i) != null) {
                buyers.add(batch.customerId(i));
            }
            if (batch.eventId(i) != null) {
                eventIds.add(batch.eventId(i));
            }
        }
        ChangeOutcomes outcomes = new ChangeOutcomes(size);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ, timeoutMillis, size * 4)) {
            // Keys are read (and so locked) in sorted order, which keeps concurrent batches from deadlocking.
            Map<String, InventoryChangeKey> seen = eventIds.isEmpty() ? Map.of() : events.getAll(eventIds);
            Map<Long, Product> stock = products.getAll(pids);
            if (stock.size() < pids.size()) {
                Set<Long> unknown = new HashSet<>(pids);
                unknown.removeAll(stock.keySet());
                throw new UnknownProductsException(unknown);
            }
            SummaryBatch summary = summaries.begin(buyers, now); // after the products, as every writer locks them
            Map<InventoryChangeKey, InventoryChange> replays = seen.isEmpty() ? Map.of() : changes.getAll(
                    new LinkedHashSet<>(seen.values())); // in the event ids' order
            Map<String, InventoryChangeKey> newEvents = new HashMap<>();
            Map<InventoryChangeKey, InventoryChange> written = new HashMap<>();
            Map<Long, Product> updated = new TreeMap<>(); // sorted, as the locks were taken
            Map<Long, List<InventoryChange>> changesOf = new HashMap<>();
            for (int i = 0; i < size; i++) {
                String eventId = batch.eventId(i);
                InventoryChangeKey prior = eventId == null ? null : seen.getOrDefault(eventId, newEvents.get(eventId));
                if (prior != null) {
                    InventoryChange first = replays.getOrDefault(prior, written.get(prior));
                    if (first == null) {
                        throw new IllegalStateException("event " + eventId + " names " + prior
                                + ", which has left the grid's retention window");
                    }
                    requireSamePayload(batch, i, prior, first);
                    outcomes.set(i, prior, first, true);
                    continue;
                }
                long pid = batch.pid(i);
                ChangeType type = batch.type(i);
                Product before = updated.getOrDefault(pid, stock.get(pid));
                Product after;
                try {
                    after = before.with(type, batch.quantity(i), batch.timestamp(i), now);
                } catch (StockOutOfRangeException e) {
                    throw e.at(i);
                }
                InventoryChangeKey key = new InventoryChangeKey(lastUsedId + 1 + i, pid);
                after = summaries.trackStockOut(before, after, key, type, batch.timestamp(i));
                InventoryChange change = new InventoryChange(type, batch.quantity(i), batch.timestamp(i),
                        batch.customerId(i), eventId, after.stock());
                changes.put(key, change);
                outbox.put(new PendingWriteKey(pid, after.version()), PendingWrite.change(after.stock(), after.name(),
                        after.updatedAt(), key.id(), type.name(), change.quantity(), change.timestamp(),
                        change.customerId(), eventId));
                updated.put(pid, after);
                summary.add(pid, change.customerId(), change.quantity(), change.timestamp());
                changesOf.computeIfAbsent(pid, p -> new ArrayList<>()).add(change);
                if (eventId != null) {
                    events.put(eventId, key);
                    newEvents.put(eventId, key);
                    written.put(key, change);
                }
                outcomes.set(i, key, change, false);
            }
            products.putAll(updated);
            summaries.write(summary, updated);
            // once per product, from its final state: a batch that sells one product 40 times assesses it once
            liveRisk.update(updated, now, pid -> uncommitted(changesOf.get(pid)));
            tx.commit();
        }
        return outcomes;
    }

    /** This transaction's changes of the window's first day, which the lookup of that day cannot see yet. */
    private static ProductAssessor.Uncommitted uncommitted(List<InventoryChange> changes) {
        return (history, day) -> {
            for (InventoryChange change : changes) {
                if (DemandDays.dayOf(change.timestamp()) == day && change.timestamp() > history.windowStart()) {
                    boolean sale = change.type() == ChangeType.SALE;
                    history.addToWindow(sale ? change.quantity() : 0, sale ? 0 : change.quantity());
                    history.changedInWindowAt(change.timestamp());
                }
            }
        };
    }

    /** A repeat must be the same change; anything else under a used event id is refused, not taken for a replay. */
    private static void requireSamePayload(ChangeBatch batch, int i, InventoryChangeKey prior, InventoryChange first) {
        String difference = null;
        if (batch.type(i) != first.type()) {
            difference = "type " + first.type() + ", not " + batch.type(i);
        } else if (batch.pid(i) != prior.pid()) {
            difference = "productId " + prior.pid() + ", not " + batch.pid(i);
        } else if (batch.quantity(i) != first.quantity()) {
            difference = "quantity " + first.quantity() + ", not " + batch.quantity(i);
        } else if (batch.timestamp(i) != first.timestamp()) {
            difference = "timestamp " + first.timestamp() + ", not " + batch.timestamp(i);
        } else if (!Objects.equals(batch.customerId(i), first.customerId())) {
            difference = "customerId " + first.customerId() + ", not " + batch.customerId(i);
        }
        if (difference != null) {
            throw new EventIdConflictException(i, prior.id(), "event " + batch.eventId(i) + " already recorded change "
                    + prior.id() + " with " + difference);
        }
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionTimeoutException || t instanceof TransactionDeadlockException) {
                return true;
            }
        }
        return false;
    }
}
