package com.stockoutradar.grid.summary;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.stockoutradar.compute.risk.DemandDays;

/** What one ingestion transaction's changes do to the summaries: the days they touch, and the buyers' new days. */
public final class SummaryBatch {
    private final Map<Long, CustomerWeek> buyersBefore;
    private final long now;
    private final Map<Long, Set<Long>> productDays = new HashMap<>();
    private final Map<Long, Set<Long>> customerDays = new HashMap<>();
    private final Map<Long, long[]> buyerDays = new HashMap<>();

    SummaryBatch(Map<Long, CustomerWeek> buyersBefore, long now) {
        this.buyersBefore = buyersBefore;
        this.now = now;
    }

    /** One change recorded; {@code customerId} is the buyer of a sale, null for a restock. */
    public void add(long pid, Long customerId, long quantity, long timestamp) {
        long day = DemandDays.dayOf(timestamp);
        productDays.computeIfAbsent(pid, p -> new TreeSet<>()).add(day);
        if (customerId != null) {
            long[] before = buyerDays.containsKey(customerId) ? buyerDays.get(customerId)
                    : CustomerWeek.daysOf(buyersBefore.get(customerId));
            buyerDays.put(customerId, DemandDays.add(before, true, quantity, timestamp, now));
            customerDays.computeIfAbsent(customerId, c -> new TreeSet<>()).add(day);
        }
    }

    long now() {
        return now;
    }

    Map<Long, Set<Long>> productDays() {
        return productDays;
    }

    Map<Long, Set<Long>> customerDays() {
        return customerDays;
    }

    long[] daysOf(long customerId) {
        return buyerDays.get(customerId);
    }
}
