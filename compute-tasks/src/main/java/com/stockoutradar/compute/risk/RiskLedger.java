package com.stockoutradar.compute.risk;

import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheEntryEventSerializableFilter;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server node's primary partitions hold that a risk refresh and the at-risk list need, on the heap and without
 * an object to deserialize per product: each product's stock, version and demand days, and its {@code LIVE_RISK}
 * row. A refresh assesses from here in a fraction of the time a scan of the caches' pages takes, and a page of the
 * list is filtered and sorted here in any order without an index per column.
 * <p>
 * Two continuous queries keep it current, each passing only the changes of entries this node is primary for: every
 * committed change, in order per partition, right after the transaction that made it. The caches are the truth; the ledger is
 * built from a scan of them when first used, and again whenever the node's primary partitions may have changed (a
 * node joined or left, so the topology version moved, or the partitions did). A scan of the caches stays the way of
 * backtests, and of the check that this state is right.
 */
public final class RiskLedger {
    private static final Logger log = LoggerFactory.getLogger(RiskLedger.class);

    /** The primary partitions at one topology version: what the ledger was built for. */
    private record Layout(long topologyVersion, int[] partitions) {
        boolean same(Layout other) {
            return other != null && topologyVersion == other.topologyVersion
                    && Arrays.equals(partitions, other.partitions);
        }
    }

    private final Ignite ignite;
    private final Affinity<Long> affinity;
    private final AtomicReferenceArray<PartitionLedger> partitions;
    /** The continuous queries' cursors, held for the node's life: closing one would end its query. */
    private final List<QueryCursor<?>> queries = new ArrayList<>();
    private volatile Layout built;
    private volatile boolean building;

    private RiskLedger(Ignite ignite) {
        this.ignite = ignite;
        this.affinity = ignite.affinity(PRODUCT_CACHE);
        this.partitions = new AtomicReferenceArray<>(affinity.partitions());
    }

    /** This node's. */
    public static RiskLedger on(Ignite ignite) {
        return (RiskLedger) ignite.cluster().nodeLocalMap()
                .computeIfAbsent(RiskLedger.class.getName(), key -> new RiskLedger(ignite));
    }

    /** The partitions as the node's primary partitions are now, built first where they are not. */
    public synchronized List<PartitionLedger> current() {
        listen();
        Layout now = layout();
        if (!now.same(built)) {
            build(now);
        }
        List<PartitionLedger> current = new ArrayList<>(now.partitions().length);
        for (int partition : now.partitions()) {
            current.add(partitions.get(partition));
        }
        return current;
    }

    /**
     * The partitions if they are built for the primary partitions as they are now, without waiting; otherwise null,
     * and a build starts in the background.
     */
    public List<PartitionLedger> currentIfBuilt() {
        if (layout().same(built)) {
            return current();
        }
        buildInBackground();
        return null;
    }

    /** Builds the ledger in the background; readers meanwhile read the table. */
    public void buildInBackground() {
        // with partitions lost there is nothing whole to build from; the first use after their recovery builds
        if (building || !ignite.cache(PRODUCT_CACHE).lostPartitions().isEmpty()) {
            return;
        }
        building = true;
        Thread thread = new Thread(() -> {
            try {
                current();
            } catch (RuntimeException e) {
                log.warn("building the risk ledger failed; the next refresh or read builds it: {}", e.toString());
            } finally {
                building = false;
            }
        }, "risk-ledger-build");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets what was built, so that the next use builds again from the caches: a check of the state followed. */
    public void invalidate() {
        built = null;
    }

    private Layout layout() {
        long version = ignite.cluster().topologyVersion();
        return new Layout(version, affinity.primaryPartitions(ignite.cluster().localNode()));
    }

    private void listen() {
        if (!queries.isEmpty()) {
            return;
        }
        UUID self = ignite.cluster().localNode().id();
        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        ContinuousQuery<Long, BinaryObject> productChanges = new ContinuousQuery<Long, BinaryObject>()
                .setLocalListener(events -> events.forEach(this::productChanged));
        productChanges.setRemoteFilterFactory(FactoryBuilder.factoryOf(new PrimaryOn<BinaryObject>(self)));
        queries.add(products.query(productChanges));
        IgniteCache<Long, AtRiskRow> live = ignite.cache(LIVE_RISK_CACHE);
        ContinuousQuery<Long, AtRiskRow> liveChanges = new ContinuousQuery<Long, AtRiskRow>()
                .setLocalListener(events -> events.forEach(this::liveChanged));
        liveChanges.setRemoteFilterFactory(FactoryBuilder.factoryOf(new PrimaryOn<AtRiskRow>(self)));
        queries.add(live.query(liveChanges));
    }

    /**
     * Passes only the changes of entries that node {@code node} is primary for, on that node: each node's ledger
     * hears its own partitions, without a message between nodes. (A local continuous query would do the same, but
     * Ignite 2.17 fails an assertion on it in a cache group.)
     */
    private static final class PrimaryOn<V> implements CacheEntryEventSerializableFilter<Long, V> {
        private static final long serialVersionUID = 1L;

        private final UUID node;

        @IgniteInstanceResource
        private transient Ignite ignite;

        PrimaryOn(UUID node) {
            this.node = node;
        }

        @Override
        public boolean evaluate(CacheEntryEvent<? extends Long, ? extends V> event) {
            ClusterNode local = ignite.cluster().localNode();
            return local.id().equals(node) && ignite.affinity(PRODUCT_CACHE).isPrimary(local, event.getKey());
        }
    }

    private void productChanged(CacheEntryEvent<? extends Long, ? extends BinaryObject> event) {
        PartitionLedger ledger = partitions.get(affinity.partition(event.getKey()));
        if (ledger == null) {
            return;
        }
        if (event.getEventType() == EventType.REMOVED || event.getEventType() == EventType.EXPIRED) {
            ledger.productRemoved(event.getKey());
        } else {
            BinaryObject product = event.getValue();
            ledger.product(event.getKey(), product.<Long>field(StoredFields.PRODUCT_STOCK),
                    product.<Long>field(StoredFields.PRODUCT_VERSION), product.field(StoredFields.PRODUCT_DEMAND));
        }
    }

    private void liveChanged(CacheEntryEvent<? extends Long, ? extends AtRiskRow> event) {
        PartitionLedger ledger = partitions.get(affinity.partition(event.getKey()));
        if (ledger != null) {
            boolean gone = event.getEventType() == EventType.REMOVED || event.getEventType() == EventType.EXPIRED;
            ledger.live(event.getKey(), gone ? null : event.getValue());
        }
    }

    private void build(Layout layout) {
        long started = System.nanoTime();
        boolean[] primary = new boolean[partitions.length()];
        for (int partition : layout.partitions()) {
            primary[partition] = true;
            // events reach the new ledger from here on, while the scan fills it
            partitions.set(partition, new PartitionLedger());
        }
        for (int partition = 0; partition < primary.length; partition++) {
            if (!primary[partition]) {
                partitions.set(partition, null);
            }
        }
        IgniteCache<Long, BinaryObject> products = ignite.cache(PRODUCT_CACHE).withKeepBinary();
        IgniteCache<Long, AtRiskRow> live = ignite.cache(LIVE_RISK_CACHE);
        IntStream.of(layout.partitions()).parallel().forEach(partition -> {
            PartitionLedger ledger = partitions.get(partition);
            try (QueryCursor<Cache.Entry<Long, BinaryObject>> cursor = products.query(
                    new ScanQuery<Long, BinaryObject>(partition).setLocal(true))) {
                cursor.forEach(entry -> {
                    BinaryObject product = entry.getValue();
                    ledger.scannedProduct(entry.getKey(), product.<Long>field(StoredFields.PRODUCT_STOCK),
                            product.<Long>field(StoredFields.PRODUCT_VERSION),
                            product.field(StoredFields.PRODUCT_DEMAND));
                });
            }
            try (QueryCursor<Cache.Entry<Long, AtRiskRow>> cursor = live.query(
                    new ScanQuery<Long, AtRiskRow>(partition).setLocal(true))) {
                cursor.forEach(entry -> ledger.scannedLive(entry.getKey(), entry.getValue()));
            }
            ledger.built();
        });
        built = layout;
        log.info("risk ledger built for {} partitions at topology version {} in {} ms", layout.partitions().length,
                layout.topologyVersion(), (System.nanoTime() - started) / 1_000_000);
    }
}
