package com.stockoutradar.grid.inventory;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.transactions.Transaction;
import org.springframework.stereotype.Service;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.outbox.Admission;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.risk.LiveRisk;

/** The inventory service: products' current stock by id, and their latest changes. */
@Service
public class Inventory {
    private static final String LAST_CHANGES = """
            SELECT id, pid, type, quantity, timestamp, customer_id, event_id, stock_after
            FROM INVENTORY_CHANGE WHERE pid = ? ORDER BY timestamp DESC, id DESC LIMIT ?""";

    private final Ignite ignite;
    private final IgniteCache<Long, Product> products;
    private final IgniteCache<InventoryChangeKey, InventoryChange> changes;
    private final IgniteCache<PendingWriteKey, PendingWrite> outbox;

    public Inventory(Ignite ignite) {
        this.ignite = ignite;
        this.products = ignite.cache(PRODUCT_CACHE);
        this.changes = ignite.cache(CHANGE_CACHE);
        this.outbox = ignite.cache(OUTBOX_CACHE);
    }

    public Optional<ProductView> product(long productId, int lastChanges) {
        Product product = products.get(productId);
        if (product == null) {
            return Optional.empty();
        }
        return Optional.of(new ProductView(productId, product.name(), product.stock(), product.updatedAt(),
                lastChanges(productId, lastChanges)));
    }

    /** Creates the product or sets its stock (and name, when given); true when it was created. */
    public boolean set(long productId, long stock, String name) {
        ClusterNode primary = ignite.affinity(PRODUCT_CACHE).mapKeyToNode(productId);
        if (primary.isLocal()) {
            Admission.on(ignite).check();
        } else {
            Admission.check(ignite, Set.of(primary));
        }
        long now = System.currentTimeMillis() / 1000;
        try (Transaction tx = ignite.transactions().txStart()) { // the configured timeout
            Product current = products.get(productId);
            Product next = current == null ? new Product(stock, name, now) : current.set(stock, name, now);
            products.put(productId, next);
            outbox.put(new PendingWriteKey(productId, next.version()), next.pendingWrite());
            LiveRisk.on(ignite).update(Map.of(productId, next), now);
            tx.commit();
            return current == null;
        } catch (RuntimeException e) {
            throw GridUnavailableException.of(e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    private List<ChangeView> lastChanges(long productId, int limit) {
        // A product's changes share its partition: ask only that one.
        SqlFieldsQuery query = new SqlFieldsQuery(LAST_CHANGES)
                .setArgs(productId, limit)
                .setPartitions(ignite.affinity(CHANGE_CACHE).partition(productId));
        return changes.query(query).getAll().stream()
                .map(row -> new ChangeView((Long) row.get(0), (Long) row.get(1), ChangeType.valueOf((String) row.get(2)),
                        (Long) row.get(3), (Long) row.get(4), (Long) row.get(5), (String) row.get(6),
                        (Long) row.get(7)))
                .toList();
    }
}
