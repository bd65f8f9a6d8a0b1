package com.stockoutradar.compute.risk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One primary partition's share of the {@link RiskLedger}: per product its stock, version and demand days, and its
 * {@code LIVE_RISK} row as the API shows it. Written by the continuous queries' events (in order, per partition)
 * and, while the partition is being built, by the scan of the caches; an event seen during the build is newer than
 * what the scan may still read of that key, so the scan never overwrites it.
 */
final class PartitionLedger {
    /** A product as a refresh needs it; demand arrays are never changed in place (see {@link DemandDays#add}). */
    private record ProductState(long stock, long version, long[] demand) {
    }

    /** A product's stock, version and demand days, taken out of the partition to assess without its lock. */
    record Products(long[] pids, long[] stocks, long[] versions, long[][] demands, AtRiskRow[] live,
                    List<Long> unmatchedLive) {
    }

    private final Map<Long, ProductState> products = new HashMap<>();
    private final Map<Long, LiveRow> live = new HashMap<>();
    /** Keys an event changed while the scan builds this partition; null once built. */
    private Set<Long> changedWhileBuilding = new HashSet<>();
    private Set<Long> liveChangedWhileBuilding = new HashSet<>();

    /** A product's new value; an older version than the one held (a scan's late read) changes nothing. */
    synchronized void product(long pid, long stock, long version, long[] demand) {
        ProductState held = products.get(pid);
        if (held == null || held.version() <= version) {
            products.put(pid, new ProductState(stock, version, demand));
        }
    }

    synchronized void productRemoved(long pid) {
        products.remove(pid);
        if (changedWhileBuilding != null) {
            changedWhileBuilding.add(pid);
        }
    }

    /** What the build's scan read of a product. */
    synchronized void scannedProduct(long pid, long stock, long version, long[] demand) {
        if (changedWhileBuilding == null || !changedWhileBuilding.contains(pid)) {
            product(pid, stock, version, demand);
        }
    }

    /** The product's {@code LIVE_RISK} row changed; null: removed. */
    synchronized void live(long pid, AtRiskRow row) {
        if (liveChangedWhileBuilding != null) {
            liveChangedWhileBuilding.add(pid);
        }
        if (row == null) {
            live.remove(pid);
        } else {
            live.put(pid, new LiveRow(pid, row));
        }
    }

    /** What the build's scan read of a {@code LIVE_RISK} row. */
    synchronized void scannedLive(long pid, AtRiskRow row) {
        if (!liveChangedWhileBuilding.contains(pid)) {
            live.put(pid, new LiveRow(pid, row));
        }
    }

    synchronized void built() {
        changedWhileBuilding = null;
        liveChangedWhileBuilding = null;
    }

    /** The products and their rows as they are now, for a refresh to assess. */
    synchronized Products products() {
        int size = products.size();
        long[] pids = new long[size];
        long[] stocks = new long[size];
        long[] versions = new long[size];
        long[][] demands = new long[size][];
        AtRiskRow[] rows = new AtRiskRow[size];
        int i = 0;
        for (Map.Entry<Long, ProductState> entry : products.entrySet()) {
            ProductState product = entry.getValue();
            pids[i] = entry.getKey();
            stocks[i] = product.stock();
            versions[i] = product.version();
            demands[i] = product.demand();
            LiveRow row = live.get(pids[i]);
            rows[i] = row == null ? null : row.row();
            i++;
        }
        List<Long> unmatched = live.size() == countNonNull(rows) ? List.of()
                : live.keySet().stream().filter(pid -> !products.containsKey(pid)).toList();
        return new Products(pids, stocks, versions, demands, rows, unmatched);
    }

    /** The rows on the list now. */
    synchronized void liveRows(List<LiveRow> into) {
        into.addAll(live.values());
    }

    private static int countNonNull(AtRiskRow[] rows) {
        int count = 0;
        for (AtRiskRow row : rows) {
            if (row != null) {
                count++;
            }
        }
        return count;
    }
}
