package com.stockoutradar.grid.store;

import javax.cache.configuration.Factory;

import org.apache.ignite.cache.store.CacheStore;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.Product;

/**
 * Builds a node's PostgreSQL store. Serializable settings only: Ignite ships the factory inside the cache
 * configuration to every node, and each node's store gets that node's DataSource injected.
 */
public final class PostgresStoreFactory<K, V> implements Factory<CacheStore<K, V>> {
    private static final long serialVersionUID = 1L;

    private enum Table { PRODUCT, INVENTORY_CHANGE, EVENT_ID }

    private final Table table;
    private final TransientRetry retry;
    private final int batchSize;

    private PostgresStoreFactory(Table table, StoreProperties settings) {
        this.table = table;
        this.retry = new TransientRetry(settings.retryFor());
        this.batchSize = settings.batchSize();
    }

    public static PostgresStoreFactory<Long, Product> products(StoreProperties settings) {
        return new PostgresStoreFactory<>(Table.PRODUCT, settings);
    }

    public static PostgresStoreFactory<InventoryChangeKey, InventoryChange> changes(StoreProperties settings) {
        return new PostgresStoreFactory<>(Table.INVENTORY_CHANGE, settings);
    }

    public static PostgresStoreFactory<String, InventoryChangeKey> eventIds(StoreProperties settings) {
        return new PostgresStoreFactory<>(Table.EVENT_ID, settings);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CacheStore<K, V> create() {
        return (CacheStore<K, V>) switch (table) {
            case PRODUCT -> new ProductStore(retry, batchSize);
            case INVENTORY_CHANGE -> new ChangeStore(retry, batchSize);
            case EVENT_ID -> new EventIdStore();
        };
    }
}
