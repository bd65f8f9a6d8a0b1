package com.stockoutradar.grid.ingest;

import java.io.Serializable;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.InventoryChange;

/** What happened to each item of a {@link ChangeBatch}, by item index, as columns (see ChangeBatch for why). */
public final class ChangeOutcomes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] changeIds;
    private final long[] pids;
    private final ChangeType[] types;
    private final long[] quantities;
    private final long[] timestamps;
    private final long[] stocks;
    private final boolean[] replayed;

    ChangeOutcomes(int size) {
        changeIds = new long[size];
        pids = new long[size];
        types = new ChangeType[size];
        quantities = new long[size];
        timestamps = new long[size];
        stocks = new long[size];
        replayed = new boolean[size];
    }

    void set(int i, InventoryChangeKey key, InventoryChange change, boolean replay) {
        changeIds[i] = key.id();
        pids[i] = key.pid();
        types[i] = change.type();
        quantities[i] = change.quantity();
        timestamps[i] = change.timestamp();
        stocks[i] = change.stockAfter();
        replayed[i] = replay;
    }

    public int size() {
        return changeIds.length;
    }

    public ChangeReceipt receipt(int i) {
        return new ChangeReceipt(changeIds[i], pids[i], types[i], quantities[i], timestamps[i], stocks[i], replayed[i]);
    }
}
