package com.stockoutradar.compute.backtest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;

/**
 * The built-in backtest across the cluster: one {@link BacktestJob} per server node, over its own primary partitions,
 * all in parallel; the nodes' counts added up.
 */
public class BacktestTask extends ComputeTaskAdapter<BacktestParameters, BacktestCounts> {
    private static final long serialVersionUID = 1L;

    private transient BacktestParameters parameters;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, BacktestParameters parameters) {
        this.parameters = parameters;
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : subgrid) {
            if (!node.isClient()) {
                jobs.put(new BacktestJob(parameters), node);
            }
        }
        return jobs;
    }

    @Override
    public BacktestCounts reduce(List<ComputeJobResult> results) {
        BacktestCounts sum = new BacktestCounts(parameters.dayCount(), parameters.levelCount());
        for (ComputeJobResult result : results) {
            sum = sum.plus(result.getData());
        }
        return sum;
    }
}
