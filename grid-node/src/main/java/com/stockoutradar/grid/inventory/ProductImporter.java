package com.stockoutradar.grid.inventory;

import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.stream.StreamReceiver;
import org.apache.ignite.transactions.Transaction;
import org.springframework.stereotype.Service;

import com.stockoutradar.grid.BulkProgress;
import com.stockoutradar.grid.outbox.Admission;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.risk.LiveRisk;

/**
 * Bulk creation and setting of products through {@link IgniteDataStreamer}: rows travel in per-node buffers and are
 * applied on their primary nodes, with their {@code LIVE_RISK} rows, and reach PostgreSQL through the outbox like
 * any other update.
 */
@Service
public class ProductImporter {

    private final Ignite ignite;

    public ProductImporter(Ignite ignite) {
        this.ignite = ignite;
    }

    /** Starts an import of {@code expectedRows} rows (0 when unknown); close the session to finish it. */
    public Session open(long expectedRows) {
        return new Session(ignite.dataStreamer(PRODUCT_CACHE), expectedRows);
    }

    public static final class Session implements AutoCloseable {
        private final IgniteDataStreamer<Long, Product> streamer;
        private final BulkProgress progress;

        private Session(IgniteDataStreamer<Long, Product> streamer, long expectedRows) {
            this.streamer = streamer;
            this.progress = new BulkProgress("product import", expectedRows);
            streamer.allowOverwrite(true);
            streamer.receiver(new SetStockReceiver());
        }

        /** Sets the product's stock, and its name unless {@code name} is null. */
        public void add(long productId, long stock, String name) {
            streamer.addData(productId, new Product(stock, name, System.currentTimeMillis() / 1000));
            progress.step();
        }

        @Override
        public void close() {
            streamer.close();
            progress.done();
        }
    }

    /**
     * Applies streamed rows on their primary node. A known product keeps its days of demand, and its name when the
     * row has none: an import sets stock, it does not erase what was sold.
     */
    private static final class SetStockReceiver implements StreamReceiver<Long, Product> {
        private static final long serialVersionUID = 1L;
        private static final Comparator<PendingWriteKey> PENDING_ORDER =
                Comparator.comparingLong(PendingWriteKey::pid).thenComparingLong(PendingWriteKey::version);

        @Override
        public void receive(IgniteCache<Long, Product> cache, Collection<Map.Entry<Long, Product>> rows) {
            Set<Long> ids = new TreeSet<>();
            for (Map.Entry<Long, Product> row : rows) {
                ids.add(row.getKey());
            }
            Ignite ignite = cache.unwrap(Ignite.class);
            Admission.on(ignite).check();
            IgniteCache<PendingWriteKey, PendingWrite> outbox = ignite.cache(OUTBOX_CACHE);
            // Sorted keys: the same lock order as ingestion, so an import never deadlocks with sales.
            try (Transaction tx = ignite.transactions().txStart()) {
                Map<Long, Product> current = cache.getAll(ids);
                Map<Long, Product> merged = new TreeMap<>();
                Map<PendingWriteKey, PendingWrite> pending = new TreeMap<>(PENDING_ORDER);
                for (Map.Entry<Long, Product> row : rows) {
                    Product imported = row.getValue();
                    Product existing = current.get(row.getKey());
                    Product next = existing == null ? imported
                            : existing.set(imported.stock(), imported.name(), imported.updatedAt());
                    merged.put(row.getKey(), next);
                    pending.put(new PendingWriteKey(row.getKey(), next.version()), next.pendingWrite());
                }
                cache.putAll(merged);
                outbox.putAll(pending);
                LiveRisk.on(ignite).update(merged, System.currentTimeMillis() / 1000);
                tx.commit();
            }
        }
    }
}
