package com.stockoutradar.compute.risk;

import java.util.ArrayList;
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
 * Reads the at-risk list from every server node's {@link RiskLedger} at once: each node filters its rows, counts
 * them and sends back only its first rows in order, which the caller merges. Any filter, search and order costs one
 * pass over the rows held, with no index per column.
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
            List<LiveRow> rows = new ArrayList<>();
            ledgers.forEach(ledger -> ledger.liveRows(rows));
            long[] counts = new long[RiskClass.values().length];
            List<LiveRow> matching = new ArrayList<>();
            for (LiveRow row : rows) {
                counts[row.product().riskClass().ordinal()]++;
                if (selection.matches(row)) {
                    matching.add(row);
                }
            }
            return LiveSlice.of(counts, matching.size(), first(matching));
        }

        /** The first rows in order: a bounded heap when few are asked for, else a sort. */
        private List<LiveRow> first(List<LiveRow> matching) {
            Comparator<LiveRow> order = Comparator.comparing(LiveRow::product,
                    AtRiskOrder.of(selection.sort(), selection.descending()));
            int first = selection.first();
            if (first >= matching.size() / 8) {
                matching.sort(order);
                return matching.subList(0, Math.min(first, matching.size()));
            }
            PriorityQueue<LiveRow> best = new PriorityQueue<>(first + 1, order.reversed());
            for (LiveRow row : matching) {
                if (best.size() < first) {
                    best.add(row);
                } else if (first > 0 && order.compare(row, best.peek()) < 0) {
                    best.poll();
                    best.add(row);
                }
            }
            List<LiveRow> sorted = new ArrayList<>(best);
            sorted.sort(order);
            return sorted;
        }
    }
}
