package com.stockoutradar.grid.store;

import static com.stockoutradar.api.GridNames.EVENT_CACHE;

import java.util.Collection;
import java.util.Map;

import javax.cache.expiry.ExpiryPolicy;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.stream.StreamReceiver;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.RetentionWindow;

/**
 * Puts reloaded changes into the grid with the time they have left in the retention window, and rebuilds their
 * event ids. They came from PostgreSQL, so they make no pending write.
 * <p>
 * Each change has an expiry of its own, which the streamer's fast path (one expiry for the whole cache) cannot
 * set; so a batch is put entry by entry, but in one transaction: one commit a batch instead of one a change, several
 * times faster. Optimistic: nothing else writes these keys during a cold start, so locks are taken once, at commit.
 */
final class RetainedChangeReceiver implements StreamReceiver<InventoryChangeKey, InventoryChange> {
    private static final long serialVersionUID = 1L;

    @Override
    public void receive(IgniteCache<InventoryChangeKey, InventoryChange> changes,
                        Collection<Map.Entry<InventoryChangeKey, InventoryChange>> rows) {
        // resources are not injected into a receiver that runs on the streaming node itself
        Ignite ignite = changes.unwrap(Ignite.class);
        RetentionWindow retention = RetentionWindow.of(ignite);
        long now = System.currentTimeMillis() / 1000;
        IgniteCache<String, InventoryChangeKey> events = ignite.cache(EVENT_CACHE);
        try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.OPTIMISTIC,
                TransactionIsolation.READ_COMMITTED)) {
            for (Map.Entry<InventoryChangeKey, InventoryChange> row : rows) {
                long secondsLeft = retention.secondsLeft(row.getValue().timestamp(), now);
                if (secondsLeft <= 0) {
                    continue;
                }
                ExpiryPolicy retained = RetentionWindow.expiringIn(secondsLeft);
                changes.withExpiryPolicy(retained).put(row.getKey(), row.getValue());
                if (row.getValue().eventId() != null) {
                    events.withExpiryPolicy(retained).put(row.getValue().eventId(), row.getKey());
                }
            }
            tx.commit();
        }
    }
}
