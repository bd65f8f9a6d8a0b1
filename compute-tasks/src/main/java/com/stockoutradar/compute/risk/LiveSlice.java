package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.stockoutradar.api.AtRiskCounts;
import com.stockoutradar.api.AtRiskProduct;

/**
 * What the nodes' ledgers hold for a {@link LiveSelection}: counts of every row per class, how many rows match, and
 * the first matching rows in order. {@link #built()} false when some node's ledger was not built yet (it is being
 * built): the caller reads the table instead.
 */
public final class LiveSlice implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean built;
    private final long outOfStock;
    private final long seedRule;
    private final long trending;
    private final long matching;
    /** The rows in order, as {@code pids[i]}, {@code rows[i]}: records do not travel between nodes. */
    private final long[] pids;
    private final AtRiskRow[] rows;

    private LiveSlice(boolean built, long outOfStock, long seedRule, long trending, long matching, long[] pids,
                      AtRiskRow[] rows) {
        this.built = built;
        this.outOfStock = outOfStock;
        this.seedRule = seedRule;
        this.trending = trending;
        this.matching = matching;
        this.pids = pids;
        this.rows = rows;
    }

    static LiveSlice notBuilt() {
        return new LiveSlice(false, 0, 0, 0, 0, new long[0], new AtRiskRow[0]);
    }

    static LiveSlice of(long[] counts, long matching, List<LiveRow> first) {
        long[] pids = new long[first.size()];
        AtRiskRow[] rows = new AtRiskRow[first.size()];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = first.get(i).pid;
            rows[i] = first.get(i).row;
        }
        return new LiveSlice(true, counts[0], counts[1], counts[2], matching, pids, rows);
    }

    /** The nodes' slices as one: counts summed, rows merged in the selection's order. */
    static LiveSlice merge(List<LiveSlice> slices, LiveSelection selection) {
        if (slices.stream().anyMatch(slice -> !slice.built)) {
            return notBuilt();
        }
        if (slices.size() == 1) {
            return slices.get(0);
        }
        List<LiveRow> rows = new ArrayList<>();
        long[] counts = new long[3];
        long matching = 0;
        for (LiveSlice slice : slices) {
            counts[0] += slice.outOfStock;
            counts[1] += slice.seedRule;
            counts[2] += slice.trending;
            matching += slice.matching;
            for (int i = 0; i < slice.pids.length; i++) {
                rows.add(new LiveRow(slice.pids[i], slice.rows[i]));
            }
        }
        rows.sort(AtRiskOrder.of(selection.sort(), selection.descending()));
        return of(counts, matching, rows.subList(0, Math.min(rows.size(), selection.first())));
    }

    public boolean built() {
        return built;
    }

    public AtRiskCounts counts() {
        return new AtRiskCounts(outOfStock, seedRule, trending);
    }

    /** Rows that match the selection, on every node. */
    public long matching() {
        return matching;
    }

    /** The first matching rows in order, from place {@code offset}, with their places (offset + 1 first). */
    public List<AtRiskProduct> products(int offset) {
        List<AtRiskProduct> products = new ArrayList<>();
        for (int i = offset; i < pids.length; i++) {
            products.add(rows[i].product(i + 1, pids[i]));
        }
        return products;
    }
}
