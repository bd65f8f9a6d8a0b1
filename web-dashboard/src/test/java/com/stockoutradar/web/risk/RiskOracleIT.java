package com.stockoutradar.web.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.AtRiskProduct;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.NodeScan;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.compute.risk.RiskScanTask;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.grid.risk.RiskRefresher;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

/**
 * 10 000 products with two weeks of random sales and restocks, ingested through the API. The grid's refresh must
 * find exactly the products the brief's rule finds as one SQL query in PostgreSQL on the same rows, with the same
 * numbers; then, with three server nodes, exactly what it found on one, each node scanning only its own products.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskOracleIT {
    static final int PRODUCTS = 10_000;
    static final long DAY = 86_400;

    /** The brief's rule, in PostgreSQL: velocity over the 7 days before :now, taken from stock. */
    static final String SEED_RULE = """
            SELECT p.id, p.stock, COALESCE(w.sales, 0), COALESCE(w.restocks, 0)
            FROM product p LEFT JOIN (
                SELECT pid, SUM(quantity) FILTER (WHERE type = 'SALE') AS sales,
                            SUM(quantity) FILTER (WHERE type = 'RESTOCK') AS restocks
                FROM inventory_change WHERE timestamp > ? - 604800 GROUP BY pid) w ON w.pid = p.id""";

    record Numbers(long stock, long sales, long velocity, long projected) {
    }

    record Row(String riskClass, long stock, long sales, long velocity, long projected, double dailyDemand,
               Double stockOutDays) {
    }

    private ConfigurableApplicationContext app;
    private final List<ConfigurableApplicationContext> moreNodes = new ArrayList<>();
    private Radar radar;
    private Ignite ignite;
    private long now;

    @BeforeAll
    void ingestTwoWeeksOfRandomChanges(@TempDir Path files) throws IOException {
        app = TestApps.startWebApp(Map.of());
        radar = TestApps.radar(app);
        ignite = app.getBean(Ignite.class);
        now = Radar.now() - 60;
        Random random = new Random(20261125);

        StringBuilder csv = new StringBuilder("product_id,stock,name\n");
        for (int id = 1; id <= PRODUCTS; id++) {
            csv.append(id).append(',').append(random.nextInt(70) - 5).append(",Product ").append(id).append('\n');
        }
        radar.client.importProducts(Files.writeString(files.resolve("products.csv"), csv));

        List<SaleRequest> sales = new ArrayList<>();
        long acknowledged = 0;
        for (int id = 1; id <= PRODUCTS; id++) {
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                // every 50th change sits exactly on the window's edge, which the brief's '>' leaves out
                long timestamp = random.nextInt(50) == 0 ? now - 7 * DAY : now - 1 - random.nextInt((int) (14 * DAY));
                sales.add(new SaleRequest((long) random.nextInt(100), (long) id, 1L + random.nextInt(5), timestamp,
                        null));
            }
            if (random.nextInt(5) == 0) {
                long timestamp = random.nextInt(10) == 0 ? now - 7 * DAY : now - 1 - random.nextInt((int) (14 * DAY));
                radar.client.restock(new RestockRequest((long) id, 5L + random.nextInt(40), timestamp, null));
                acknowledged++;
            }
        }
        for (int from = 0; from < sales.size(); from += 10_000) {
            radar.client.sales(sales.subList(from, Math.min(sales.size(), from + 10_000)));
        }
        acknowledged += sales.size();
        radar.awaitChangesInPostgres(acknowledged);
        await().atMost(Duration.ofSeconds(30)).until(() -> stockSumInPostgres() == stockSumInGrid());
    }

    @AfterAll
    void stopAllNodesTogether() {
        Ignition.stopAll(true);
        moreNodes.forEach(ConfigurableApplicationContext::close);
        app.close();
    }

    @Test
    void gridFindsWhatTheSeedRuleFindsInPostgresAndTheSameOnThreeNodes() throws Exception {
        RiskRefresher refresher = app.getBean(RiskRefresher.class);
        RiskRefreshView oneNode = refresher.refresh(now).get();
        Map<Long, Row> onOneNode = live();

        assertThat(oneNode.productsScanned()).isEqualTo(PRODUCTS);
        assertThat(oneNode.nodes()).isEqualTo(1);
        assertMatchesTheSeedRuleInPostgres(onOneNode, now);
        assertThat(counts(oneNode)).isEqualTo(counts(onOneNode));

        addTwoServerNodes();
        RiskRefreshView threeNodes = refresher.refresh(now).get();
        assertThat(threeNodes.nodes()).isEqualTo(3);
        assertThat(threeNodes.productsScanned()).isEqualTo(PRODUCTS);
        assertThat(counts(threeNodes)).isEqualTo(counts(oneNode));
        // the class and 7-day numbers; the forecast's may have moved since, by the reviews on the real clock
        assertThat(standings(live())).isEqualTo(standings(onOneNode));
        // the scan of the caches, on three nodes, finds what the nodes' ledgers and the live list hold
        RiskRefreshView scanned = refresher.backtest(now).get();
        assertThat(counts(scanned)).isEqualTo(counts(oneNode));
        assertMatchesTheSeedRuleInPostgres(atRisk(scanned.id()), now);
        // a page merged from the three nodes' ledgers is the table's page
        AtRiskQueries queries = app.getBean(AtRiskQueries.class);
        for (String sort : List.of("rank", "name", "dailyDemand")) {
            AtRiskQueries.Filter filter = new AtRiskQueries.Filter(null, null, sort, true);
            // a review on the real clock may rewrite rows between the two reads: the same page once they agree
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                AtRiskPage page = queries.page(filter, 30, 10);
                assertThat(page.counts().atRisk()).isEqualTo(live().size());
                assertThat(page.products()).extracting(AtRiskProduct::productId).isEqualTo(
                        ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery("SELECT pid FROM LIVE_RISK"
                                + AtRiskQueries.orderBy(filter) + " LIMIT 30 OFFSET 10")).getAll().stream()
                                .map(row -> (Long) row.get(0)).toList());
            });
        }

        List<NodeScan> scans = ignite.compute(ignite.cluster().forServers())
                .execute(new RiskScanTask(), new RiskParameters(-1, -1, now, 0, 7, false));
        assertThat(scans).hasSize(3);
        for (NodeScan scan : scans) {
            Ignite node = nodeWithId(scan);
            assertThat(scan.products()).as("products scanned on %s", node.name())
                    .isEqualTo(node.cache(GridNames.PRODUCT_CACHE).localSize(CachePeekMode.PRIMARY))
                    .isPositive();
        }
    }

    @Test
    void dashboardPagesAreReadInTheRankingIndexOrderNotSorted() {
        AtRiskQueries.Filter trending = new AtRiskQueries.Filter(RiskClass.TRENDING, null, "rank", false);
        Map<String, String> indexByPage = Map.of(
                AtRiskQueries.orderBy(AtRiskQueries.Filter.RANKING), "LIVE_RISK_RANKING_IDX",
                " WHERE risk_class = 'TRENDING'" + AtRiskQueries.orderBy(trending), "LIVE_RISK_CLASS_RANKING_IDX");
        indexByPage.forEach((page, index) -> {
            String plan = ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery(
                    "EXPLAIN SELECT pid FROM LIVE_RISK" + page + " LIMIT 50")).getAll().get(0).get(0).toString();
            assertThat(plan).as("the per-node part of the page query").contains(index, "index sorted");
        });
    }

    @Test
    void aBacktestSumsTheChangesAndMatchesTheRuleAsOfThen() throws Exception {
        long threeDaysBack = now - 3 * DAY; // before the days products keep cover: the scan reads the changes

        RiskRefreshView backtest = app.getBean(RiskRefresher.class).backtest(threeDaysBack).get();

        assertThat(backtest.productsScanned()).isEqualTo(PRODUCTS);
        assertMatchesTheSeedRuleInPostgres(atRisk(backtest.id()), threeDaysBack);
    }

    private void assertMatchesTheSeedRuleInPostgres(Map<Long, Row> grid, long asOf) {
        Map<Long, Numbers> postgres = new HashMap<>();
        radar.postgres().query(SEED_RULE, rs -> {
            long stock = rs.getLong(2);
            long velocity = rs.getLong(3) - rs.getLong(4);
            postgres.put(rs.getLong(1), new Numbers(stock, rs.getLong(3), velocity, stock - velocity));
        }, asOf);
        Set<Long> bySeedRule = postgres.entrySet().stream()
                .filter(e -> e.getValue().stock() <= 0 || e.getValue().projected() <= 0 && e.getValue().sales() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<Long> gridSeedRule = grid.entrySet().stream()
                .filter(e -> !e.getValue().riskClass().equals("TRENDING"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertThat(bySeedRule).hasSizeGreaterThan(500);
        assertThat(gridSeedRule).isEqualTo(bySeedRule);
        grid.forEach((pid, row) -> {
            Numbers expected = postgres.get(pid);
            assertThat(new Numbers(row.stock(), row.sales(), row.velocity(), row.projected()))
                    .as("product %d", pid).isEqualTo(expected);
        });
        assertThat(grid.values()).filteredOn(r -> r.riskClass().equals("TRENDING"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.projected()).isPositive());
    }

    private Map<Long, Row> atRisk(long refreshId) {
        return rows("FROM AT_RISK WHERE refresh_id = " + refreshId);
    }

    private Map<Long, Row> live() {
        return rows("FROM LIVE_RISK");
    }

    private Map<Long, Row> rows(String from) {
        Map<Long, Row> rows = new HashMap<>();
        ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery("""
                SELECT pid, risk_class, stock, sales_7d, velocity, projected, daily_demand, stock_out_days\s""" + from))
                .getAll()
                .forEach(r -> rows.put((Long) r.get(0), new Row((String) r.get(1), (Long) r.get(2), (Long) r.get(3),
                        (Long) r.get(4), (Long) r.get(5), (Double) r.get(6), (Double) r.get(7))));
        return rows;
    }

    private static Map<Long, List<Object>> standings(Map<Long, Row> rows) {
        Map<Long, List<Object>> standings = new HashMap<>();
        rows.forEach((pid, row) -> standings.put(pid, List.of(row.riskClass(), row.stock(), row.sales(),
                row.velocity(), row.projected())));
        return standings;
    }

    private static List<Long> counts(RiskRefreshView refresh) {
        return List.of(refresh.outOfStock(), refresh.seedRule(), refresh.trending());
    }

    private static List<Long> counts(Map<Long, Row> rows) {
        return Stream.of("OUT_OF_STOCK", "SEED_RULE", "TRENDING")
                .map(riskClass -> rows.values().stream().filter(row -> row.riskClass().equals(riskClass)).count())
                .toList();
    }

    private void addTwoServerNodes() {
        for (String name : List.of("risk-node-2", "risk-node-3")) {
            moreNodes.add(TestApps.startGridNodeBeside(app, name));
        }
        Affinity<Long> affinity = ignite.affinity(GridNames.PRODUCT_CACHE);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (ignite.cluster().forServers().nodes().size() != 3) {
                return false;
            }
            Map<ClusterNode, Long> owned = new HashMap<>();
            for (long pid = 1; pid <= PRODUCTS; pid++) {
                owned.merge(affinity.mapKeyToNode(pid), 1L, Long::sum);
            }
            // every node primary for some partitions: the cluster has switched to the final layout
            return allNodes().stream().allMatch(node -> node.cache(GridNames.PRODUCT_CACHE)
                    .localSize(CachePeekMode.PRIMARY) == owned.getOrDefault(node.cluster().localNode(), 0L)
                    && affinity.primaryPartitions(node.cluster().localNode()).length > 0);
        });
    }

    private List<Ignite> allNodes() {
        List<Ignite> nodes = new ArrayList<>(List.of(ignite));
        moreNodes.forEach(node -> nodes.add(node.getBean(Ignite.class)));
        return nodes;
    }

    private Ignite nodeWithId(NodeScan scan) {
        return allNodes().stream().filter(n -> n.cluster().localNode().id().equals(scan.nodeId())).findFirst()
                .orElseThrow();
    }

    private long stockSumInPostgres() {
        return radar.postgres().queryForObject("SELECT COALESCE(SUM(stock), 0) FROM product", Long.class);
    }

    private long stockSumInGrid() {
        return ((Number) ignite.cache(GridNames.PRODUCT_CACHE).query(new SqlFieldsQuery(
                "SELECT COALESCE(SUM(stock), 0) FROM PRODUCT")).getAll().get(0).get(0)).longValue();
    }
}
