package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

import com.stockoutradar.api.RiskClass;

/**
 * Reads the at-risk list from every server node's {@link RiskLedger} at once: each node sends back its counts and
 * only its first rows in order, which the caller merges. A node merges its partitions' rows, each partition sorted in
 * the order asked for when first asked and again only after its rows changed; a search compares every row once.
 * No index per column is written.
 */
public class LiveSliceTask extends ComputeTaskAdapter<LiveSelection, LiveSlice> {
    private static final long serialVersionUID = 1L;

    private LiveSelection selection;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, LiveSelection selection) {
        this.selection = selection;
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : subgrid) {
            if (!node.isClient()) {
                jobs.put(new SliceJob(selection), node);
            }
        }
        return jobs;
    }

    @Override
    public LiveSlice reduce(List<ComputeJobResult> results) {
        List<LiveSlice> slices = new ArrayList<>(results.size());
        results.forEach(result -> slices.add(result.getData()));
        return LiveSlice.merge(slices, selection);
    }

    private static final class SliceJob extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;

        private final LiveSelection selection;

        @IgniteInstanceResource
        private transient Ignite ignite;

        SliceJob(LiveSelection selection) {
            this.selection = selection;
        }

        @Override
        public LiveSlice execute() {
            List<PartitionLedger> ledgers = RiskLedger.on(ignite).currentIfBuilt();
            if (ledgers == null) {
                return LiveSlice.notBuilt();
            }
            Comparator<LiveRow> order = AtRiskOrder.of(selection.sort(), selection.descending());
            long[] counts = new long[RiskClass.values().length];
            ledgers.forEach(ledger -> ledger.countLive(counts));
            if (selection.searches()) {
                Slice slice = ledgers.parallelStream().collect(() -> new Slice(selection, order),
                        (partial, ledger) -> ledger.eachLive(partial::offer), Slice::addAll);
                return LiveSlice.of(counts, slice.matching, slice.first());
            }
            long matching = selection.riskClass() == null ? Arrays.stream(counts).sum()
                    : counts[selection.riskClass().ordinal()];
            return LiveSlice.of(counts, matching, merged(ledgers, order));
        }

        /** The first matching rows: the partitions' rows, each sorted in the order, merged. */
        private List<LiveRow> merged(List<PartitionLedger> ledgers, Comparator<LiveRow> order) {
            String name = selection.sort() + (selection.descending() ? " desc" : " asc");
            List<LiveRow[]> sorted = ledgers.parallelStream().map(ledger -> ledger.sortedLive(name, order)).toList();
            PriorityQueue<Cursor> next = new PriorityQueue<>(sorted.size() + 1,
                    (a, b) -> order.compare(a.row(), b.row()));
            for (LiveRow[] rows : sorted) {
                Cursor cursor = new Cursor(rows);
                if (cursor.advanceTo(selection)) {
                    next.add(cursor);
                }
            }
            List<LiveRow> first = new ArrayList<>();
            while (first.size() < selection.first() && !next.isEmpty()) {
                Cursor cursor = next.poll();
                first.add(cursor.row());
                cursor.at++;
                if (cursor.advanceTo(selection)) {
                    next.add(cursor);
                }
            }
            return first;
        }
    }

    /** A place in one partition's sorted rows. */
    private static final class Cursor {
        private final LiveRow[] rows;
        private int at;

        Cursor(LiveRow[] rows) {
            this.rows = rows;
        }

        LiveRow row() {
            return rows[at];
        }

        /** Moves to the next row that matches, from the current one; false when none is left. */
        boolean advanceTo(LiveSelection selection) {
            while (at < rows.length && !selection.matches(rows[at])) {
                at++;
            }
            return at < rows.length;
        }
    }

    /**
     * The rows of some partitions seen so far: how many match, and the first matching rows (the best so far in a
     * heap, worst on top; for many rows, an export, all of them, sorted once).
     */
    private static final class Slice {
        /** Up to this many rows are kept in a heap while the rows go by; more are collected and sorted. */
        private static final int FEW = 10_000;

        private final LiveSelection selection;
        private final Comparator<LiveRow> order;
        private long matching;
        private final List<LiveRow> all;
        private final PriorityQueue<LiveRow> best;

        Slice(LiveSelection selection, Comparator<LiveRow> order) {
            this.selection = selection;
            this.order = order;
            this.all = selection.first() > FEW ? new ArrayList<>() : null;
            this.best = all == null ? new PriorityQueue<>(selection.first() + 1, order.reversed()) : null;
        }

        void offer(LiveRow row) {
            if (selection.matches(row)) {
                matching++;
                keep(row);
            }
        }

        private void keep(LiveRow row) {
            if (all != null) {
                all.add(row);
            } else if (best.size() < selection.first()) {
                best.add(row);
            } else if (selection.first() > 0 && order.compare(row, best.peek()) < 0) {
                best.poll();
                best.add(row);
            }
        }

        void addAll(Slice other) {
            matching += other.matching;
            (other.all != null ? other.all : other.best).forEach(this::keep);
        }

        List<LiveRow> first() {
            List<LiveRow> rows = all != null ? all : new ArrayList<>(best);
            rows.sort(order);
            return rows.subList(0, Math.min(selection.first(), rows.size()));
        }
    }
}
