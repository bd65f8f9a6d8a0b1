package com.stockoutradar.grid.ingest;

import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.lang.IgniteFuture;
import org.springframework.stereotype.Service;

/**
 * Records validated changes: splits the batch by the products' primary nodes and applies each share on its node, one
 * round trip per node. A batch with an unknown product stores nothing.
 */
@Service
public class ChangeRecorder {
    private final Ignite ignite;

    public ChangeRecorder(Ignite ignite) {
        this.ignite = ignite;
    }

    public ChangeOutcomes record(ChangeBatch batch) {
        Map<ClusterNode, int[]> shares = sharesByPrimaryNode(batch);
        ClusterNode local = ignite.cluster().localNode();
        if (shares.size() == 1 && shares.containsKey(local)) {
            return ChangeWriter.on(ignite).write(batch); // its transaction refuses unknown products itself
        }
        if (shares.size() > 1) {
            // each node's transaction checks only its share: check all before any of them commits
            requireKnownProducts(batch);
        }
        // A job that lost its node is not re-run elsewhere: it may have committed, and without event ids a re-run
        // would count the changes twice. The caller gets an error and decides.
        Map<int[], IgniteFuture<ChangeOutcomes>> remote = new LinkedHashMap<>();
        Map<int[], ChangeOutcomes> done = new LinkedHashMap<>();
        shares.forEach((node, indexes) -> {
            if (!node.equals(local)) {
                remote.put(indexes, ignite.compute(ignite.cluster().forNode(node)).withNoFailover()
                        .callAsync(new RecordChangesJob(batch.subset(indexes))));
            }
        });
        int[] localShare = shares.get(local);
        if (localShare != null) {
            done.put(localShare, ChangeWriter.on(ignite).write(batch.subset(localShare)));
        }
        remote.forEach((indexes, outcome) -> done.put(indexes, unwrapped(outcome)));
        ChangeOutcomes whole = new ChangeOutcomes(batch.size());
        done.forEach((indexes, share) -> share.scatterInto(whole, indexes));
        return whole;
    }

    private void requireKnownProducts(ChangeBatch batch) {
        Set<Long> pids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            pids.add(batch.pid(i));
        }
        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        Set<Long> unknown = new HashSet<>(pids);
        unknown.removeAll(products.getAll(pids).keySet());
        if (!unknown.isEmpty()) {
            throw new UnknownProductsException(unknown);
        }
    }

    private Map<ClusterNode, int[]> sharesByPrimaryNode(ChangeBatch batch) {
        var affinity = ignite.<Long>affinity(PRODUCT_CACHE);
        Map<ClusterNode, List<Integer>> byNode = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byNode.computeIfAbsent(affinity.mapKeyToNode(batch.pid(i)), n -> new ArrayList<>()).add(i);
        }
        Map<ClusterNode, int[]> shares = new LinkedHashMap<>();
        byNode.forEach((node, indexes) -> shares.put(node, indexes.stream().mapToInt(Integer::intValue).toArray()));
        return shares;
    }

    private static ChangeOutcomes unwrapped(IgniteFuture<ChangeOutcomes> outcome) {
        try {
            return outcome.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UnknownProductsException unknown) {
                    throw unknown;
                }
            }
            throw e;
        }
    }
}
