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
    private static final String WINDOW_SHARE = """
            SELECT type, SUM(quantity), MIN(timestamp) FROM INVENTORY_CHANGE
            WHERE pid = ? AND timestamp > ? AND timestamp < ? GROUP BY type""";

    /**
     * Changes the lookup cannot see because they are not committed yet: the calling transaction's own. Given the day
     * the window starts in, adds to the history's window those of its changes of that day after the window's start.
     */
    public interface Uncommitted {
        Uncommitted NONE = (history, day) -> {
        };

        void addWindowShare(DemandHistory history, long day);
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
        DemandHistory history = new DemandHistory(parameters.now());
        long split = DemandDays.feed(days, history);
        if (split >= 0) {
            lookups.increment();
            addWindowShare(pid, split, history);
            uncommitted.addWindowShare(history, split);
        }
        return history;
    }

    /** Index lookups made so far: products whose window start split a day. */
    public long lookups() {
        return lookups.sum();
    }

    /**
     * The share of the window in the day it starts in, from that day's committed changes of one product, and the
     * oldest of them: the next change to leave the window.
     */
    private void addWindowShare(long pid, long day, DemandHistory history) {
        SqlFieldsQuery query = new SqlFieldsQuery(WINDOW_SHARE)
                .setArgs(pid, history.windowStart(), (day + 1) * RiskParameters.DAY)
                .setLocal(local)
                .setPartitions(ignite.affinity(CHANGE_CACHE).partition(pid));
        try (QueryCursor<List<?>> rows = ignite.cache(CHANGE_CACHE).query(query)) {
            for (List<?> row : rows) {
                long units = ((Number) row.get(1)).longValue();
                boolean sale = SALE.equals(row.get(0));
                history.addToWindow(sale ? units : 0, sale ? 0 : units);
                history.changedInWindowAt(((Number) row.get(2)).longValue());
            }
        }
    }
}
