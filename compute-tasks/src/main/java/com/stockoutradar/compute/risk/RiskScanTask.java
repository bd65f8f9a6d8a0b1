package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;

/**
 * The risk refresh across the cluster: one {@link RiskScanJob} per server node, each over that node's own primary
 * partitions, all in parallel. A node writes its at-risk products into {@code AT_RISK} next to the products and
 * sends back only its counts and timing.
 */
public class RiskScanTask extends ComputeTaskAdapter<RiskParameters, List<NodeScan>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, RiskParameters parameters) {
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : subgrid) {
            if (!node.isClient()) {
                jobs.put(new RiskScanJob(parameters), node);
            }
        }
        return jobs;
    }

    @Override
    public List<NodeScan> reduce(List<ComputeJobResult> results) {
        List<NodeScan> scans = new ArrayList<>(results.size());
        for (ComputeJobResult result : results) {
            scans.add(result.getData());
        }
        return scans;
    }
}
