package com.stockoutradar.grid.ingest;

import java.io.Serializable;
import java.util.List;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;

/**
 * Validated changes on their way to the products' primary nodes, as columns: compact to ship in one compute job
 * per node, and free of records, which Ignite 2.17's marshaller cannot write.
 */
public final class ChangeBatch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ChangeType[] types;
    private final long[] pids;
    private final long[] quantities;
    private final long[] timestamps;
    private final Long[] customerIds;
    private final String[] eventIds;

    private ChangeBatch(int size) {
        types = new ChangeType[size];
        pids = new long[size];
        quantities = new long[size];
        timestamps = new long[size];
        customerIds = new Long[size];
        eventIds = new String[size];
    }

    public static ChangeBatch ofSales(List<SaleRequest> sales) {
        ChangeBatch batch = new ChangeBatch(sales.size());
        for (int i = 0; i < sales.size(); i++) {
            SaleRequest s = sales.get(i);
            batch.set(i, ChangeType.SALE, s.productId(), s.quantity(), s.timestamp(), s.customerId(), s.eventId());
        }
        return batch;
    }

    public static ChangeBatch ofRestock(RestockRequest r) {
        ChangeBatch batch = new ChangeBatch(1);
        batch.set(0, ChangeType.RESTOCK, r.productId(), r.quantity(), r.timestamp(), null, r.eventId());
        return batch;
    }

    private void set(int i, ChangeType type, long pid, long quantity, long timestamp, Long customerId, String eventId) {
        types[i] = type;
        pids[i] = pid;
        quantities[i] = quantity;
        timestamps[i] = timestamp;
        customerIds[i] = customerId;
        eventIds[i] = eventId;
    }

    public int size() {
        return pids.length;
    }

    ChangeType type(int i) {
        return types[i];
    }

    public long pid(int i) {
        return pids[i];
    }

    long quantity(int i) {
        return quantities[i];
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    Long customerId(int i) {
        return customerIds[i];
    }

    String eventId(int i) {
        return eventIds[i];
    }
}
