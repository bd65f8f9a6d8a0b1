package com.stockoutradar.grid.store;

import javax.cache.Cache;

import org.apache.ignite.cache.store.CacheStoreAdapter;

import com.stockoutradar.api.InventoryChangeKey;

/**
 * The event-id index's store, which writes nothing: an event id reaches PostgreSQL as
 * {@code inventory_change.event_id} with its change, and the index is rebuilt from there on a cold start. It exists
 * because Ignite enlists caches in one transaction only when they share the same write-behind setting.
 */
public class EventIdStore extends CacheStoreAdapter<String, InventoryChangeKey> {

    @Override
    public InventoryChangeKey load(String eventId) {
        return null;
    }

    @Override
    public void write(Cache.Entry<? extends String, ? extends InventoryChangeKey> entry) {
        // persisted with the change
    }

    @Override
    public void delete(Object eventId) {
        // the change, and with it the event id, stays in PostgreSQL's history
    }
}
