package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import com.carrotsearch.hppc.cursors.ObjectCursor;
import com.stockoutradar.api.RiskClass;

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

    /**
     * A product's stock, version and demand days, taken out of the partition to assess without its lock, and the
     * unix second until which a refresh's last assessment of that version and row stands (0: none).
     */
    record Products(long[] pids, long[] stocks, long[] versions, long[][] demands, AtRiskRow[] live,
                    long[] standsUntil, List<Long> unmatchedLive) {
    }

    /** What a refresh's assessments depend on besides the product and the clock. */
    private record Settings(long threshold, int horizonDays, double stockOutLevel) {
    }

    /** The changes of the day a product's window starts in, as read for one version of the product. */
    private record KnownDay(long version, long day, DayOfChanges changes) {
    }

    private final LongObjectHashMap<ProductState> products = new LongObjectHashMap<>();
    /**
     * Per product, until when (unix s) the last refresh's assessment stands ({@link RiskModel#review}), with the
     * settings it was made with: forgotten when the product or its row changes.
     */
    private final LongLongHashMap standsUntil = new LongLongHashMap();
    private Settings reviewedWith;
    /** What the last refresh read of the days its windows started in, and what this one has read; its own lock. */
    private final Object daysLock = new Object();
    private LongObjectHashMap<KnownDay> knownDays = new LongObjectHashMap<>();
    private LongObjectHashMap<KnownDay> readDays = new LongObjectHashMap<>();
    private final LongObjectHashMap<LiveRow> live = new LongObjectHashMap<>();
    /** The rows of {@link #live} per class, kept as they come and go: a page's counts without a pass. */
    private final long[] perClass = new long[RiskClass.values().length];
    /** Changes to {@link #live} so far: a sorted copy made since the last one is still the rows. */
    private long liveChanges;
    /** The rows sorted in each order a page asked for, as of a number of changes; sorted again when read after more. */
    private final Map<String, Sorted> sorted = new HashMap<>();

    private record Sorted(long asOfChange, LiveRow[] rows) {
    }
    /** Keys an event changed while the scan builds this partition; null once built. */
    private LongHashSet changedWhileBuilding = new LongHashSet();
    private LongHashSet liveChangedWhileBuilding = new LongHashSet();

    /** A product's new value; an older version than the one held (a scan's late read) changes nothing. */
    synchronized void product(long pid, long stock, long version, long[] demand) {
        ProductState held = products.get(pid);
        if (held == null || held.version() <= version) {
            products.put(pid, new ProductState(stock, version, demand));
            standsUntil.remove(pid);
        }
    }

    synchronized void productRemoved(long pid) {
        products.remove(pid);
        standsUntil.remove(pid);
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
        liveChanges++;
        standsUntil.remove(pid);
        if (liveChangedWhileBuilding != null) {
            liveChangedWhileBuilding.add(pid);
        }
        LiveRow gone = row == null ? live.remove(pid) : live.put(pid, counted(new LiveRow(pid, row)));
        if (gone != null) {
            perClass[gone.riskClass.ordinal()]--;
        }
    }

    /** What the build's scan read of a {@code LIVE_RISK} row. */
    synchronized void scannedLive(long pid, AtRiskRow row) {
        if (!liveChangedWhileBuilding.contains(pid)) {
            liveChanges++;
            standsUntil.remove(pid);
            LiveRow gone = live.put(pid, counted(new LiveRow(pid, row)));
            if (gone != null) {
                perClass[gone.riskClass.ordinal()]--;
            }
        }
    }

    synchronized void built() {
        changedWhileBuilding = null;
        liveChangedWhileBuilding = null;
    }

    /** The products and their rows as they are now, for a refresh with {@code parameters} to assess. */
    synchronized Products products(RiskParameters parameters) {
        Settings settings = new Settings(parameters.threshold(), parameters.horizonDays(),
                parameters.stockOutLevel());
        if (!settings.equals(reviewedWith)) {
            standsUntil.clear();
            reviewedWith = settings;
        }
        int size = products.size();
        long[] until = new long[size];
        long[] pids = new long[size];
        long[] stocks = new long[size];
        long[] versions = new long[size];
        long[][] demands = new long[size][];
        AtRiskRow[] rows = new AtRiskRow[size];
        int i = 0;
        int matched = 0;
        for (LongObjectCursor<ProductState> entry : products) {
            ProductState product = entry.value;
            pids[i] = entry.key;
            stocks[i] = product.stock();
            versions[i] = product.version();
            demands[i] = product.demand();
            until[i] = standsUntil.get(entry.key);
            LiveRow row = live.get(entry.key);
            if (row != null) {
                rows[i] = row.row;
                matched++;
            }
            i++;
        }
        List<Long> unmatched = new ArrayList<>();
        if (matched < live.size()) {
            for (LongObjectCursor<LiveRow> row : live) {
                if (!products.containsKey(row.key)) {
                    unmatched.add(row.key);
                }
            }
        }
        return new Products(pids, stocks, versions, demands, rows, until, unmatched);
    }

    /**
     * A refresh found the rows of {@code count} products standing until the given seconds: kept for the products
     * whose version and row are still the ones it assessed.
     */
    synchronized void stands(int count, long[] pids, long[] versions, AtRiskRow[] rows, long[] until) {
        for (int i = 0; i < count; i++) {
            ProductState product = products.get(pids[i]);
            LiveRow row = live.get(pids[i]);
            if (product != null && product.version() == versions[i]
                    && (row == null ? rows[i] == null : row.row == rows[i])) {
                standsUntil.put(pids[i], until[i]);
            }
        }
    }

    /**
     * The product's changes of the day its window starts in: as the last refresh read them when the product has not
     * changed since (then its changes have not), else from the index.
     */
    DayOfChanges dayOfChanges(long pid, long version, long day, ProductAssessor assessor) {
        synchronized (daysLock) {
            KnownDay known = knownDays.get(pid);
            DayOfChanges changes = known != null && known.version() == version && known.day() == day
                    ? known.changes() : assessor.dayOfChanges(pid, day);
            readDays.put(pid, new KnownDay(version, day, changes));
            return changes;
        }
    }

    /**
     * A refresh has assessed every product but the {@code count} {@code unread} ones, whose assessments stand: what
     * it read, and what the last one read of those, is what the next one may reuse.
     */
    void refreshed(int count, long[] unread) {
        synchronized (daysLock) {
            for (int i = 0; i < count; i++) {
                KnownDay known = knownDays.get(unread[i]);
                if (known != null) {
                    readDays.put(unread[i], known);
                }
            }
            knownDays = readDays;
            readDays = new LongObjectHashMap<>();
        }
    }

    private LiveRow counted(LiveRow row) {
        perClass[row.riskClass.ordinal()]++;
        return row;
    }

    /** Adds the rows on the list now, per class, to {@code counts}. */
    synchronized void countLive(long[] counts) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += perClass[i];
        }
    }

    /**
     * The rows on the list now in the order {@code name} ({@code order}): sorted once, and again only after rows
     * changed, so that most pages merge the partitions' sorted rows instead of comparing every row.
     */
    synchronized LiveRow[] sortedLive(String name, Comparator<LiveRow> order) {
        Sorted rows = sorted.get(name);
        if (rows == null || rows.asOfChange() != liveChanges) {
            LiveRow[] copy = new LiveRow[live.size()];
            int i = 0;
            for (ObjectCursor<LiveRow> row : live.values()) {
                copy[i++] = row.value;
            }
            Arrays.sort(copy, order);
            rows = new Sorted(liveChanges, copy);
            sorted.put(name, rows);
        }
        return rows.rows();
    }

    /** Hands every row on the list now to {@code visitor}, under the partition's lock: it must not block. */
    synchronized void eachLive(Consumer<LiveRow> visitor) {
        for (ObjectCursor<LiveRow> row : live.values()) {
            visitor.accept(row.value);
        }
    }
}
