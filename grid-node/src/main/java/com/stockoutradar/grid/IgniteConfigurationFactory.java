package com.stockoutradar.grid;

import static com.stockoutradar.api.GridNames.AT_RISK_CACHE;
import static com.stockoutradar.api.GridNames.CHANGE_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_DAY_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.EVENT_CACHE;
import static com.stockoutradar.api.GridNames.LIVE_RISK_CACHE;
import static com.stockoutradar.api.GridNames.OUTBOX_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_DAY_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.STOCK_OUT_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REFRESH_CACHE;
import static com.stockoutradar.api.GridNames.RISK_REVIEW_CACHE;
import static com.stockoutradar.api.GridNames.SQL_SCHEMA;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheKeyConfiguration;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.cache.QueryIndex;
import org.apache.ignite.cache.QueryIndexType;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.AtomicConfiguration;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.ClientConnectorConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.configuration.SqlConfiguration;
import org.apache.ignite.indexing.IndexingQueryEngineConfiguration;
import org.apache.ignite.calcite.CalciteQueryEngineConfiguration;
import org.apache.ignite.configuration.TransactionConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.logger.slf4j.Slf4jLogger;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.AtRiskKey;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.RiskRefreshRecord;
import com.stockoutradar.grid.inventory.InventoryChange;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.outbox.Admission;
import com.stockoutradar.grid.outbox.PendingWrite;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.risk.LiveRisk;
import com.stockoutradar.grid.risk.RiskProperties;
import com.stockoutradar.grid.risk.RiskReview;
import com.stockoutradar.grid.security.Accounts;
import com.stockoutradar.grid.security.ClusterSecurityPlugin;
import com.stockoutradar.grid.store.StoreProperties;
import com.stockoutradar.grid.summary.CustomerDay;
import com.stockoutradar.grid.summary.CustomerDayKey;
import com.stockoutradar.grid.summary.CustomerWeek;
import com.stockoutradar.grid.summary.ProductDay;
import com.stockoutradar.grid.summary.ProductDayKey;
import com.stockoutradar.grid.summary.ProductWeek;
import com.stockoutradar.grid.summary.StockOut;

/**
 * The one place the Ignite node is configured: discovery, durable storage, and the colocated caches. Everything is
 * persisted on the node's disk (Ignite native persistence); PostgreSQL is fed from the outbox, not by cache stores.
 */
public final class IgniteConfigurationFactory {
    private static final int PORT_RANGE = 10;
    private static final String PRODUCT_GROUP = "products";
    /** For a cache with continuous queries on it: see {@link #colocated}. */
    private static final String OWN_GROUP = null;
    /** The data region's name, for its metrics. */
    public static final String DATA_REGION = "default";

    private IgniteConfigurationFactory() {
    }

    public static IgniteConfiguration create(GridProperties grid, StoreProperties store, RiskProperties risk,
                                             Accounts accounts) {
        Path work = grid.workDirectory().toAbsolutePath();
        return new IgniteConfiguration()
                .setIgniteInstanceName(grid.instanceName())
                .setConsistentId(grid.instanceName())
                .setWorkDirectory(work.toString())
                .setClientMode(grid.clientMode())
                .setGridLogger(new Slf4jLogger())
                .setMetricsLogFrequency(0)
                .setPeerClassLoadingEnabled(false)
                .setFailureHandler(new StopNodeFailureHandler())
                .setSqlConfiguration(new SqlConfiguration().setQueryEnginesConfiguration(
                        new IndexingQueryEngineConfiguration().setDefault(true),
                        new CalciteQueryEngineConfiguration()))
                // Nodes join with the cluster secret, thin-client and JDBC users sign in and only read. Not with
                // setAuthenticationEnabled(true): that is Ignite's own user store, which 2.17 refuses beside a plugin.
                .setPluginProviders(new ClusterSecurityPlugin(accounts))
                .setUserAttributes(Map.of(Admission.MAX_BACKLOG_ATTRIBUTE, store.maxBacklog(),
                        Admission.MIN_FREE_DISK_ATTRIBUTE, grid.minFreeDisk().toBytes(),
                        LiveRisk.THRESHOLD_ATTRIBUTE, risk.threshold(),
                        LiveRisk.HORIZON_DAYS_ATTRIBUTE, risk.horizonDays(),
                        LiveRisk.STOCK_OUT_LEVEL_ATTRIBUTE, risk.stockOutLevel()))
                .setDiscoverySpi(discovery(grid))
                .setCommunicationSpi(new TcpCommunicationSpi()
                        .setLocalAddress(grid.localAddress())
                        .setLocalPort(grid.communicationPort())
                        .setLocalPortRange(PORT_RANGE))
                // Ignite's own TCP REST port (11211, every interface by default) is a door nobody here uses: closed
                .setConnectorConfiguration(null)
                .setClientConnectorConfiguration(clientConnector(grid))
                .setDataStorageConfiguration(storage(grid, work))
                // On every server node: the change id sequence outlives any node that is lost.
                .setAtomicConfiguration(new AtomicConfiguration()
                        .setCacheMode(CacheMode.REPLICATED)
                        .setAtomicSequenceReserveSize(10_000))
                .setTransactionConfiguration(new TransactionConfiguration()
                        .setDefaultTxConcurrency(TransactionConcurrency.PESSIMISTIC)
                        .setDefaultTxIsolation(TransactionIsolation.REPEATABLE_READ)
                        .setDefaultTxTimeout(grid.transactionTimeout().toMillis()))
                // The keys' @AffinityKeyMapped is not enough with persistence: the binary metadata registered from
                // the tables' key types at cache start has no affinity field, and would scatter a product's rows.
                .setCacheKeyConfiguration(
                        new CacheKeyConfiguration(InventoryChangeKey.class.getName(), "pid"),
                        new CacheKeyConfiguration(PendingWriteKey.class.getName(), "pid"),
                        new CacheKeyConfiguration(AtRiskKey.class.getName(), "pid"),
                        new CacheKeyConfiguration(ProductDayKey.class.getName(), "pid"),
                        new CacheKeyConfiguration(CustomerDayKey.class.getName(), "customerId"))
                .setCacheConfiguration(products(grid), changes(grid), events(grid), outbox(grid), liveRisk(grid),
                        riskReviews(grid), atRisk(grid), riskRefreshes(), productDays(grid), productWeeks(grid),
                        customerDays(grid), customerWeeks(grid), stockOuts(grid));
    }

    /**
     * One persistent region for all data: the region holds the pages in use, the disk holds everything. The write-ahead
     * log makes a commit durable before it is acknowledged; data, log and archive live under the work directory, in
     * folders named after the node's consistent id, so that a restart finds its own.
     */
    private static DataStorageConfiguration storage(GridProperties grid, Path work) {
        return new DataStorageConfiguration()
                .setStoragePath(work.resolve("db").toString())
                .setWalPath(work.resolve("wal").toString())
                .setWalArchivePath(work.resolve("wal-archive").toString())
                .setWalMode(grid.walMode())
                .setWalSegmentSize((int) grid.walSegmentSize().toBytes())
                .setMaxWalArchiveSize(4 * 10 * grid.walSegmentSize().toBytes())
                .setMetricsEnabled(true)
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                        .setName(DATA_REGION)
                        .setPersistenceEnabled(true)
                        .setInitialSize(Math.min(256L << 20, grid.dataRegionSize().toBytes()))
                        .setMaxSize(grid.dataRegionSize().toBytes())
                        .setMetricsEnabled(true));
    }

    /**
     * The thin-client and JDBC port, analysts' way in; with TLS when a key store is configured. Its pool runs each
     * request (a query's reduce phase too), so its size is how many analysts' queries a node runs at once; a
     * cancellation does not wait for it.
     */
    private static ClientConnectorConfiguration clientConnector(GridProperties grid) {
        ClientConnectorConfiguration connector = new ClientConnectorConfiguration()
                .setHost(grid.localAddress())
                .setPort(grid.clientConnectorPort())
                .setPortRange(PORT_RANGE)
                .setThreadPoolSize(grid.analystQueryThreads());
        ClientConnectorSsl ssl = grid.clientConnectorSsl();
        if (ssl.enabled()) {
            SslContextFactory tls = new SslContextFactory();
            tls.setKeyStoreFilePath(ssl.keyStore().toAbsolutePath().toString());
            tls.setKeyStorePassword(ssl.keyStorePassword().toCharArray());
            tls.setKeyStoreType(ssl.keyStoreType());
            // Clients are not asked for certificates, but the factory insists on a trust store: the node's own.
            tls.setTrustStoreFilePath(ssl.keyStore().toAbsolutePath().toString());
            tls.setTrustStorePassword(ssl.keyStorePassword().toCharArray());
            tls.setTrustStoreType(ssl.keyStoreType());
            connector.setSslEnabled(true)
                    .setUseIgniteSslContextFactory(false)
                    .setSslContextFactory(tls);
        }
        return connector;
    }

    /**
     * Listed seed addresses: the node joins the cluster found there, and no other. None listed: the node's only seed
     * is the port it bound itself (a shared finder registers it once bound, also when the first port was taken), so
     * it forms a cluster of its own and never joins another instance on this machine.
     */
    private static TcpDiscoverySpi discovery(GridProperties grid) {
        boolean alone = grid.discoveryAddresses().isEmpty();
        return new TcpDiscoverySpi()
                .setLocalAddress(grid.localAddress())
                .setLocalPort(grid.discoveryPort())
                .setLocalPortRange(PORT_RANGE)
                .setIpFinder(new TcpDiscoveryVmIpFinder(alone).setAddresses(grid.discoveryAddresses()));
    }

    private static CacheConfiguration<Long, Product> products(GridProperties grid) {
        QueryEntity table = new QueryEntity(Long.class, Product.class)
                .setTableName("PRODUCT")
                .setKeyFieldName("id")
                .setFields(fields("id", Long.class, "stock", Long.class, "name", String.class,
                        "updatedAt", Long.class))
                .setAliases(Map.of("updatedAt", "UPDATED_AT"));
        return colocated(new CacheConfiguration<Long, Product>(PRODUCT_CACHE), grid, OWN_GROUP)
                .setQueryEntities(List.of(table));
    }

    private static CacheConfiguration<InventoryChangeKey, InventoryChange> changes(GridProperties grid) {
        QueryEntity table = new QueryEntity(InventoryChangeKey.class, InventoryChange.class)
                .setTableName("INVENTORY_CHANGE")
                .setKeyFields(Set.of("id", "pid"))
                .setFields(fields("id", Long.class, "pid", Long.class, "type", String.class,
                        "quantity", Long.class, "timestamp", Long.class, "customerId", Long.class,
                        "eventId", String.class, "stockAfter", Long.class))
                .setAliases(Map.of("customerId", "CUSTOMER_ID", "eventId", "EVENT_ID", "stockAfter", "STOCK_AFTER"))
                .setIndexes(List.of(
                        new QueryIndex(List.of("pid", "timestamp"), QueryIndexType.SORTED)
                                .setName("INVENTORY_CHANGE_PID_TS_IDX"),
                        new QueryIndex("timestamp").setName("INVENTORY_CHANGE_TS_IDX")));
        return colocated(new CacheConfiguration<InventoryChangeKey, InventoryChange>(CHANGE_CACHE), grid,
                PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /**
     * Event id to change key, kept as long as the change (both leave with {@code RetentionSweeper}); rebuilt from
     * PostgreSQL's history on a cold start.
     */
    private static CacheConfiguration<String, InventoryChangeKey> events(GridProperties grid) {
        return colocated(new CacheConfiguration<String, InventoryChangeKey>(EVENT_CACHE), grid, PRODUCT_GROUP);
    }

    /** What PostgreSQL has still to receive, written by the same transactions as the data it carries. */
    private static CacheConfiguration<PendingWriteKey, PendingWrite> outbox(GridProperties grid) {
        return colocated(new CacheConfiguration<PendingWriteKey, PendingWrite>(OUTBOX_CACHE), grid, PRODUCT_GROUP);
    }

    /**
     * The products at risk now, partitioned like the products: the ingestion transaction that changes a product puts
     * or removes its row on the product's node, so no other node takes part. Indexed for the dashboard's pages: the
     * ranking, and the ranking within a class.
     */
    private static CacheConfiguration<Long, AtRiskRow> liveRisk(GridProperties grid) {
        QueryEntity table = new QueryEntity(Long.class, AtRiskRow.class)
                .setTableName("LIVE_RISK")
                .setKeyFieldName("pid")
                .setFields(fields("pid", Long.class, "name", String.class,
                        "stock", Long.class, "sales7d", Long.class, "restocks7d", Long.class, "velocity", Long.class,
                        "projected", Long.class, "dailyDemand", Double.class, "trend", Double.class,
                        "daysOfCover", Double.class, "stockOutDays", Double.class, "rankDays", Double.class,
                        "stockOutDate", Long.class, "riskClass", String.class, "computedAt", Long.class,
                        "stockOutProbability", Double.class, "stockOutDaysP10", Double.class,
                        "stockOutDaysP90", Double.class,
                        "productVersion", Long.class))
                .setAliases(Map.ofEntries(Map.entry("sales7d", "SALES_7D"),
                        Map.entry("restocks7d", "RESTOCKS_7D"), Map.entry("dailyDemand", "DAILY_DEMAND"),
                        Map.entry("daysOfCover", "DAYS_OF_COVER"), Map.entry("stockOutDays", "STOCK_OUT_DAYS"),
                        Map.entry("rankDays", "RANK_DAYS"), Map.entry("stockOutDate", "STOCK_OUT_DATE"),
                        Map.entry("riskClass", "RISK_CLASS"), Map.entry("computedAt", "COMPUTED_AT"),
                        Map.entry("stockOutProbability", "STOCK_OUT_PROBABILITY"),
                        Map.entry("stockOutDaysP10", "STOCK_OUT_DAYS_P10"),
                        Map.entry("stockOutDaysP90", "STOCK_OUT_DAYS_P90"),
                        Map.entry("productVersion", "PRODUCT_VERSION")))
                // The ranking down to its last tie-break, so that a page is read in index order.
                .setIndexes(List.of(
                        new QueryIndex(List.of("rankDays", "projected", "pid"), QueryIndexType.SORTED)
                                .setName("LIVE_RISK_RANKING_IDX"),
                        new QueryIndex(List.of("riskClass", "rankDays", "projected", "pid"), QueryIndexType.SORTED)
                                .setName("LIVE_RISK_CLASS_RANKING_IDX")));
        return colocated(new CacheConfiguration<Long, AtRiskRow>(LIVE_RISK_CACHE), grid, OWN_GROUP)
                .setQueryEntities(List.of(table));
    }

    /**
     * Each product's next review, beside its {@code LIVE_RISK} row and written in the same transaction; indexed by
     * time, so that each node finds the reviews that are due in its own partitions.
     */
    private static CacheConfiguration<Long, RiskReview> riskReviews(GridProperties grid) {
        QueryEntity table = new QueryEntity(Long.class, RiskReview.class)
                .setTableName("RISK_REVIEW")
                .setKeyFieldName("pid")
                .setFields(fields("pid", Long.class, "reviewAt", Long.class))
                .setAliases(Map.of("reviewAt", "REVIEW_AT"))
                .setIndexes(List.of(new QueryIndex("reviewAt").setName("RISK_REVIEW_AT_IDX")));
        return colocated(new CacheConfiguration<Long, RiskReview>(RISK_REVIEW_CACHE), grid, PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /** Each refresh's at-risk products, written by the scan on the node that owns the product. */
    private static CacheConfiguration<AtRiskKey, AtRiskRow> atRisk(GridProperties grid) {
        QueryEntity table = new QueryEntity(AtRiskKey.class, AtRiskRow.class)
                .setTableName("AT_RISK")
                .setKeyFields(Set.of("refreshId", "pid"))
                .setFields(fields("refreshId", Long.class, "pid", Long.class, "name", String.class,
                        "stock", Long.class, "sales7d", Long.class, "restocks7d", Long.class, "velocity", Long.class,
                        "projected", Long.class, "dailyDemand", Double.class, "trend", Double.class,
                        "daysOfCover", Double.class, "stockOutDays", Double.class, "rankDays", Double.class,
                        "stockOutDate", Long.class, "riskClass", String.class, "computedAt", Long.class,
                        "stockOutProbability", Double.class, "stockOutDaysP10", Double.class,
                        "stockOutDaysP90", Double.class))
                .setAliases(Map.ofEntries(Map.entry("refreshId", "REFRESH_ID"), Map.entry("sales7d", "SALES_7D"),
                        Map.entry("restocks7d", "RESTOCKS_7D"), Map.entry("dailyDemand", "DAILY_DEMAND"),
                        Map.entry("daysOfCover", "DAYS_OF_COVER"), Map.entry("stockOutDays", "STOCK_OUT_DAYS"),
                        Map.entry("rankDays", "RANK_DAYS"), Map.entry("stockOutDate", "STOCK_OUT_DATE"),
                        Map.entry("riskClass", "RISK_CLASS"), Map.entry("computedAt", "COMPUTED_AT"),
                        Map.entry("stockOutProbability", "STOCK_OUT_PROBABILITY"),
                        Map.entry("stockOutDaysP10", "STOCK_OUT_DAYS_P10"),
                        Map.entry("stockOutDaysP90", "STOCK_OUT_DAYS_P90")))
                // One index: every refresh rewrites the table, so each index costs on every refresh. Class filters
                // walk the ranking (counts per class are in RISK_REFRESH). It is the ranking itself, down to its last
                // tie-break, so that a page is read in index order and equal rows never compare whole keys.
                .setIndexes(List.of(
                        new QueryIndex(List.of("refreshId", "rankDays", "projected", "pid"), QueryIndexType.SORTED)
                                .setName("AT_RISK_RANKING_IDX")));
        // Atomic: a refresh only adds rows under its new id, and drops rows no reader is on; readers switch
        // refreshes through RISK_REFRESH, so no transaction is needed here, and the scan streams without one.
        // A group holds one atomicity mode, so this cache has its own; the same affinity still puts a product's
        // risk rows in its partition.
        return colocated(new CacheConfiguration<AtRiskKey, AtRiskRow>(AT_RISK_CACHE), grid, AT_RISK_CACHE)
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setQueryEntities(List.of(table));
    }

    /**
     * Units per product per UTC day, for the days products keep. One product's days are found through the index
     * Ignite keeps on the affinity key; the index by day answers the shop's days (and the sweep of the oldest).
     */
    private static CacheConfiguration<ProductDayKey, ProductDay> productDays(GridProperties grid) {
        QueryEntity table = new QueryEntity(ProductDayKey.class, ProductDay.class)
                .setTableName("PRODUCT_DAY")
                .setKeyFields(Set.of("pid", "day"))
                .setFields(fields("pid", Long.class, "day", Long.class, "sold", Long.class,
                        "restocked", Long.class, "changes", Long.class))
                .setIndexes(List.of(new QueryIndex("day").setName("PRODUCT_DAY_DAY_IDX")));
        return colocated(new CacheConfiguration<ProductDayKey, ProductDay>(PRODUCT_DAY_CACHE), grid, PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /**
     * Each product's week and the week before. The top sellers and the fastest growers are read from the head of an
     * index, down to the tie-break, instead of summing every product's days.
     */
    private static CacheConfiguration<Long, ProductWeek> productWeeks(GridProperties grid) {
        QueryEntity table = new QueryEntity(Long.class, ProductWeek.class)
                .setTableName("PRODUCT_WEEK")
                .setKeyFieldName("pid")
                .setFields(fields("pid", Long.class, "day", Long.class, "soldToday", Long.class, "sold7d", Long.class,
                        "restocked7d", Long.class, "soldPrev7d", Long.class, "growth", Double.class))
                .setAliases(Map.of("soldToday", "SOLD_TODAY", "sold7d", "SOLD_7D", "restocked7d", "RESTOCKED_7D",
                        "soldPrev7d", "SOLD_PREV_7D"))
                .setIndexes(List.of(
                        descending("PRODUCT_WEEK_SOLD_IDX", "sold7d", "pid"),
                        descending("PRODUCT_WEEK_GROWTH_IDX", "growth", "pid")));
        return colocated(new CacheConfiguration<Long, ProductWeek>(PRODUCT_WEEK_CACHE), grid, PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /** Units bought per customer per UTC day, in the customer's partition (a customer id maps like a product id). */
    private static CacheConfiguration<CustomerDayKey, CustomerDay> customerDays(GridProperties grid) {
        QueryEntity table = new QueryEntity(CustomerDayKey.class, CustomerDay.class)
                .setTableName("CUSTOMER_DAY")
                .setKeyFields(Set.of("customerId", "day"))
                .setFields(fields("customerId", Long.class, "day", Long.class, "bought", Long.class,
                        "purchases", Long.class))
                .setAliases(Map.of("customerId", "CUSTOMER_ID"));
        return colocated(new CacheConfiguration<CustomerDayKey, CustomerDay>(CUSTOMER_DAY_CACHE), grid,
                PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /** Each customer's week and the week before, the biggest buyers at the head of an index. */
    private static CacheConfiguration<Long, CustomerWeek> customerWeeks(GridProperties grid) {
        QueryEntity table = new QueryEntity(Long.class, CustomerWeek.class)
                .setTableName("CUSTOMER_WEEK")
                .setKeyFieldName("customerId")
                .setFields(fields("customerId", Long.class, "day", Long.class, "boughtToday", Long.class,
                        "bought7d", Long.class, "purchases7d", Long.class, "boughtPrev7d", Long.class))
                .setAliases(Map.of("customerId", "CUSTOMER_ID", "boughtToday", "BOUGHT_TODAY", "bought7d",
                        "BOUGHT_7D", "purchases7d", "PURCHASES_7D", "boughtPrev7d", "BOUGHT_PREV_7D"))
                .setIndexes(List.of(
                        descending("CUSTOMER_WEEK_BOUGHT_IDX", "bought7d", "customerId")));
        return colocated(new CacheConfiguration<Long, CustomerWeek>(CUSTOMER_WEEK_CACHE), grid, PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /**
     * Each stock-out of the retention window, keyed by the change that took a product's stock from above zero to zero
     * or below, with the first restock recorded after it: a few rows per product at most, read whole without an index.
     */
    private static CacheConfiguration<InventoryChangeKey, StockOut> stockOuts(GridProperties grid) {
        QueryEntity table = new QueryEntity(InventoryChangeKey.class, StockOut.class)
                .setTableName("STOCK_OUT")
                .setKeyFields(Set.of("pid", "id"))
                .setFields(fields("pid", Long.class, "id", Long.class, "outAt", Long.class, "restockedAt", Long.class))
                .setAliases(Map.of("id", "CHANGE_ID", "outAt", "OUT_AT", "restockedAt", "RESTOCKED_AT"));
        return colocated(new CacheConfiguration<InventoryChangeKey, StockOut>(STOCK_OUT_CACHE), grid, PRODUCT_GROUP)
                .setQueryEntities(List.of(table));
    }

    /** An index on {@code field} from the largest down, ties by {@code key} from the smallest up. */
    private static QueryIndex descending(String name, String field, String key) {
        LinkedHashMap<String, Boolean> fields = new LinkedHashMap<>();
        fields.put(field, false);
        fields.put(key, true);
        return new QueryIndex(fields, QueryIndexType.SORTED).setName(name);
    }

    /** A handful of rows, read on every dashboard request: on every node. */
    private static CacheConfiguration<Long, RiskRefreshRecord> riskRefreshes() {
        QueryEntity table = new QueryEntity(Long.class, RiskRefreshRecord.class)
                .setTableName("RISK_REFRESH")
                .setKeyFieldName("id")
                .setFields(fields("id", Long.class, "computedAt", Long.class, "startedAt", Long.class,
                        "durationMillis", Long.class, "threshold", Long.class, "horizonDays", Integer.class,
                        "productsScanned", Long.class, "productsAssessed", Long.class, "changesScanned", Long.class,
                        "outOfStock", Long.class,
                        "seedRule", Long.class, "trending", Long.class, "nodes", Integer.class,
                        "current", Boolean.class))
                .setAliases(Map.ofEntries(Map.entry("computedAt", "COMPUTED_AT"), Map.entry("startedAt", "STARTED_AT"),
                        Map.entry("durationMillis", "DURATION_MILLIS"), Map.entry("horizonDays", "HORIZON_DAYS"),
                        Map.entry("productsScanned", "PRODUCTS_SCANNED"),
                        Map.entry("productsAssessed", "PRODUCTS_ASSESSED"),
                        Map.entry("changesScanned", "CHANGES_SCANNED"), Map.entry("outOfStock", "OUT_OF_STOCK"),
                        Map.entry("seedRule", "SEED_RULE"), Map.entry("current", "IS_CURRENT")));
        return new CacheConfiguration<Long, RiskRefreshRecord>(RISK_REFRESH_CACHE)
                .setCacheMode(CacheMode.REPLICATED)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setSqlSchema(SQL_SCHEMA)
                .setQueryEntities(List.of(table));
    }

    /**
     * Partitioned by product like every cache keyed by product: the same affinity function and partition count put a
     * product's partition of each on the same node, so a product's changes, pending writes and summaries commit with
     * it on one node. Most share the group {@value #PRODUCT_GROUP} (one set of partition files, moved between nodes
     * together). The two caches that continuous queries follow, {@code PRODUCT} and {@code LIVE_RISK}, have a group
     * each: in a shared group every write to any of its caches is also handed to each continuous query as a skipped
     * update counter, which took a sixth of a sale's commit. Event ids are spread by their own hash: a repeat must be
     * found by its id alone, whatever product it names. A partition whose every copy is gone is refused (503), never
     * read as empty, until its node is back.
     */
    private static <K, V> CacheConfiguration<K, V> colocated(CacheConfiguration<K, V> cache, GridProperties grid,
                                                             String group) {
        return cache
                .setGroupName(group)
                .setCacheMode(CacheMode.PARTITIONED)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setBackups(grid.backups())
                .setAffinity(new RendezvousAffinityFunction(false, grid.partitions()))
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setSqlSchema(SQL_SCHEMA);
    }

    private static LinkedHashMap<String, String> fields(Object... namesAndTypes) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.put((String) namesAndTypes[i], ((Class<?>) namesAndTypes[i + 1]).getName());
        }
        return fields;
    }
}
