package com.stockoutradar.grid.ingest;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_ID_SEQUENCE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.cache.expiry.ExpiryPolicy;

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
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.inventory.RetentionWindow;

/**
 * Applies changes on the node that owns their products: in one pessimistic transaction it looks up the event ids,
 * locks the products, stores each change with its stock-after and the new stock, and records the event ids.
 * Products and changes are colocated, so without event ids the transaction never leaves this node.
 */
public final class ChangeWriter {
    private static final Logger log = LoggerFactory.getLogger(ChangeWriter.class);
    private static final int ATTEMPTS = 5;
    /** A change about to leave the window still reaches PostgreSQL through write-behind before it expires. */
    private static final long MIN_TTL_SECONDS = 60;

    private final Ignite ignite;
    private final IgniteCache<Long, Product> products;
    private final IgniteCache<InventoryChangeKey, InventoryChange> changes;
    private final IgniteCache<String, InventoryChangeKey> events;
    private final IgniteAtomicSequence ids;
    private final RetentionWindow retention;

    private ChangeWriter(Ignite ignite) {
        this.ignite = ignite;
        this.products = ignite.cache(PRODUCT_CACHE);
        this.changes = ignite.cache(CHANGE_CACHE);
        this.events = ignite.cache(EVENT_CACHE);
        this.ids = ignite.atomicSequence(CHANGE_ID_SEQUENCE, 0, false);
        if (ids == null) {
            throw new IllegalStateException("the change id sequence does not exist yet: the grid is still starting");
        }
        this.retention = RetentionWindow.of(ignite);
    }

    /** This node's writer; one per node, shared by all ingestion jobs that run here. */
    public static ChangeWriter on(Ignite ignite) {
        return (ChangeWriter) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(ChangeWriter.class.getName(), key -> new ChangeWriter(ignite));
    }

    public ChangeOutcomes write(ChangeBatch batch) {
        long lastUsedId = ids.getAndAdd(batch.size());
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(batch, lastUsedId);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
                log.warn("ingestion transaction of {} changes hit a lock conflict, attempt {} of {}: {}",
                        batch.size(), attempt, ATTEMPTS, e.getMessage());
            }
        }
    }

    private ChangeOutcomes writeOnce(ChangeBatch batch, long lastUsedId) {
        int size = batch.size();
        long now = System.currentTimeMillis() / 1000;
        Set<Long> pids = new TreeSet<>();
        Set<String> eventIds = new TreeSet<>();
        for (int i = 0; i < size; i++) {
            pids.add(batch.pid(i));
            if (batch.eventId(i) != null) {
                eventIds.add(batch.eventId(i));
            }
        }
        ChangeOutcomes outcomes = new ChangeOutcomes(size);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                TransactionIsolation.REPEATABLE_READ, 0, size * 3)) {
            // Keys are read (and so locked) in sorted order, which keeps concurrent batches from deadlocking.
            Map<String, InventoryChangeKey> seen = eventIds.isEmpty() ? Map.of() : events.getAll(eventIds);
            Map<Long, Product> stock = products.getAll(pids);
            if (stock.size() < pids.size()) {
                Set<Long> unknown = new HashSet<>(pids);
                unknown.removeAll(stock.keySet());
                throw new UnknownProductsException(unknown);
            }
            Map<InventoryChangeKey, InventoryChange> replays = seen.isEmpty() ? Map.of() : changes.getAll(
                    new HashSet<>(seen.values()));
            Map<String, InventoryChangeKey> newEvents = new HashMap<>();
            Map<InventoryChangeKey, InventoryChange> written = new HashMap<>();
            Map<Long, Product> updated = new TreeMap<>(); // sorted, as the locks were taken
            for (int i = 0; i < size; i++) {
                String eventId = batch.eventId(i);
                InventoryChangeKey prior = eventId == null ? null : seen.getOrDefault(eventId, newEvents.get(eventId));
                if (prior != null) {
                    InventoryChange first = replays.getOrDefault(prior, written.get(prior));
                    if (first == null) {
                        throw new IllegalStateException("event " + eventId + " names " + prior
                                + ", which has left the grid's retention window");
                    }
                    outcomes.set(i, prior, first, true);
                    continue;
                }
                long pid = batch.pid(i);
                ChangeType type = batch.type(i);
                Product product = updated.getOrDefault(pid, stock.get(pid));
                Product after = product.with(type, batch.quantity(i), batch.timestamp(i), now);
                long stockAfter = after.stock();
                InventoryChangeKey key = new InventoryChangeKey(lastUsedId + 1 + i, pid);
                InventoryChange change = new InventoryChange(type, batch.quantity(i), batch.timestamp(i),
                        batch.customerId(i), eventId, stockAfter);
                ExpiryPolicy retained = RetentionWindow.expiringIn(
                        Math.max(MIN_TTL_SECONDS, retention.secondsLeft(batch.timestamp(i), now)));
                changes.withExpiryPolicy(retained).put(key, change);
                updated.put(pid, after);
                if (eventId != null) {
                    events.withExpiryPolicy(retained).put(eventId, key);
                    newEvents.put(eventId, key);
                    written.put(key, change);
                }
                outcomes.set(i, key, change, false);
            }
            products.putAll(updated);
            tx.commit();
        }
        return outcomes;
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
