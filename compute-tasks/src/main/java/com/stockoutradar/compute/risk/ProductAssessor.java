package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.CHANGE_CACHE;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import com.stockoutradar.api.ChangeType;

/**
 * Assesses products from what their entries keep (stock and {@link DemandDays}) with {@link RiskModel}, as of the
 * parameters' {@code now}: the one way both the refresh's scan and the ingestion transaction compute a product's
 * risk, so that they find the same numbers. Only a product whose changes of one day the 7-day window's start splits
 * costs an index lookup of that day's changes.
 */
public final class ProductAssessor {
    private static final String SALE = ChangeType.SALE.name();
    private static final String DAY_OF_CHANGES = """
            SELECT type, quantity, timestamp FROM INVENTORY_CHANGE
            WHERE pid = ? AND timestamp >= ? AND timestamp < ?""";

    /**
     * Changes the lookup cannot see because they are not committed yet: the calling transaction's own. Given the day
     * the window starts in, adds to the history's window those of its changes of that day after the window's start.
     */
    public interface Uncommitted {
        Uncommitted NONE = (history, day) -> {
        };

        void addWindowShare(DemandHistory history, long day);
    }

    /** Where the changes of a product's day come from: the index, or what a refresh before read. */
    interface DayLookup {
        DayOfChanges of(long pid, long day);
    }

    private final Ignite ignite;
    private final RiskParameters parameters;
    private final boolean local;
    private final LongAdder lookups = new LongAdder();

    /**
     * @param local whether the products' partitions are this node's (the scan's primary partitions): then the
     *              lookups ask only this node
     */
    public ProductAssessor(Ignite ignite, RiskParameters parameters, boolean local) {
        this.ignite = ignite;
        this.parameters = parameters;
        this.local = local;
    }

    public RiskParameters parameters() {
        return parameters;
    }

    public Assessment assess(long pid, long stock, long[] days, Uncommitted uncommitted) {
        return RiskModel.assess(stock, history(pid, days, uncommitted), parameters);
    }

    /** The product's demand from the days its entry keeps, exact to the second at the window's start. */
    public DemandHistory history(long pid, long[] days, Uncommitted uncommitted) {
        return history(pid, days, uncommitted, this::dayOfChanges);
    }

    DemandHistory history(long pid, long[] days, Uncommitted uncommitted, DayLookup lookup) {
        DemandHistory history = new DemandHistory(parameters.now());
        long split = DemandDays.feed(days, history);
        if (split >= 0) {
            lookup.of(pid, split).addWindowShare(history);
            uncommitted.addWindowShare(history, split);
        }
        return history;
    }

    /** Index lookups made so far: products whose window start split a day. */
    public long lookups() {
        return lookups.sum();
    }

    /** One product's committed changes of one UTC day, from the index on product and time. */
    DayOfChanges dayOfChanges(long pid, long day) {
        lookups.increment();
        SqlFieldsQuery query = new SqlFieldsQuery(DAY_OF_CHANGES)
                .setArgs(pid, day * RiskParameters.DAY, (day + 1) * RiskParameters.DAY)
                .setLocal(local)
                .setPartitions(ignite.affinity(CHANGE_CACHE).partition(pid));
        try (QueryCursor<List<?>> cursor = ignite.cache(CHANGE_CACHE).query(query)) {
            List<List<?>> rows = cursor.getAll();
            long[] timestamps = new long[rows.size()];
            long[] sales = new long[rows.size()];
            long[] restocks = new long[rows.size()];
            for (int i = 0; i < timestamps.length; i++) {
                List<?> row = rows.get(i);
                long units = ((Number) row.get(1)).longValue();
                boolean sale = SALE.equals(row.get(0));
                timestamps[i] = ((Number) row.get(2)).longValue();
                sales[i] = sale ? units : 0;
                restocks[i] = sale ? 0 : units;
            }
            return new DayOfChanges(timestamps, sales, restocks);
        }
    }
}
