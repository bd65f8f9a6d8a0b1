package com.stockoutradar.web.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import java.util.stream.LongStream;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.AtRiskCounts;
import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.AtRiskProduct;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.RiskLedger;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.grid.risk.RiskRefresher;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.SalesUnderLoad;

/**
 * The at-risk list is current as of every acknowledged change: the transaction that records a sale or restock, sets
 * stock or imports it puts or removes the product's {@code LIVE_RISK} row, and a refresh only catches up with what
 * time changes.
 */
@GridIntegrationTest
class LiveRiskIT {
    static final long DAY = 86_400;
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(1);

    @Autowired
    Radar radar;
    @Autowired
    Ignite ignite;
    @Autowired
    RiskRefresher refresher;
    @Autowired
    AtRiskQueries queries;

    /** The columns a row is compared by; not when it was computed (nor the stock-out date derived from that). */
    record Row(String riskClass, long stock, long sales7d, long restocks7d, long velocity, long projected,
               double dailyDemand, double trend, Double daysOfCover, Double stockOutDays, double stockOutProbability,
               Double stockOutDaysP10, Double stockOutDaysP90) {
    }

    @Test
    void aSaleOrRestockMovesItsProductOnOrOffTheListWithinASecondWithoutARefresh() {
        Long lastRefresh = refreshId();
        try (SalesUnderLoad load = SalesUnderLoad.start(radar.client, 900_000, 20, 2)) {
            load.awaitAcknowledged(200);
            for (int i = 0; i < 10; i++) {
                long product = radar.newProduct(3);
                assertThat(riskClass(product)).as("a product in stock that has not sold is not at risk").isNull();

                radar.client.sale(new SaleRequest(7L, product, 3L, Radar.now(), null));
                await().atMost(SHOWS_WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                    assertThat(riskClass(product)).as("product %d after its last units sold", product)
                            .isEqualTo("OUT_OF_STOCK");
                    assertThat(radar.text("/api/at-risk.csv?q=" + product)).contains("," + product + ",");
                });

                radar.client.restock(new RestockRequest(product, 10_000L, Radar.now(), null));
                await().atMost(SHOWS_WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                        assertThat(riskClass(product)).as("product %d after a restock", product).isNull());
            }
            assertThat(load.serverErrors()).isZero();
        }
        assertThat(refreshId()).as("no refresh ran meanwhile").isEqualTo(lastRefresh);
    }

    @Test
    void settingOrImportingStockMovesTheProductOnOrOffTheListWithinASecond(@TempDir Path files) throws IOException {
        long product = radar.newProduct(10);

        radar.client.putProduct(product, new ProductRequest(0L, null));
        await().atMost(SHOWS_WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(riskClass(product)).as("product %d set to no stock", product).isEqualTo("OUT_OF_STOCK"));

        radar.client.importProducts(Files.writeString(files.resolve("stock.csv"), product + ",25\n"));
        await().atMost(SHOWS_WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(riskClass(product)).as("product %d imported with stock", product).isNull());
    }

    @Test
    void aRefreshFindsWhatIngestionKeptAndLeavesTheLiveListExactlyWhatItFound() throws Exception {
        ingestTwoWeeksOfRandomChanges(300);
        long now = Radar.now();

        RiskRefreshView scan = refresher.backtest(now).get(); // the scan's result, leaving LIVE_RISK as it is
        Map<Long, Row> found = atRisk(scan.id());
        Map<Long, Row> kept = live();

        assertThat(found).hasSizeGreaterThan(30);
        assertThat(kept.keySet()).isEqualTo(found.keySet());
        found.forEach((pid, row) -> assertAssessedAlike(kept.get(pid), row, pid));

        RiskRefreshView refresh = refresher.refresh(now).get();

        // from the ledgers on the heap, the same as the scan of the caches
        assertThat(List.of(refresh.outOfStock(), refresh.seedRule(), refresh.trending()))
                .isEqualTo(List.of(scan.outOfStock(), scan.seedRule(), scan.trending()));
        Map<Long, Row> after = live();
        assertThat(after.keySet()).isEqualTo(found.keySet());
        found.forEach((pid, row) -> assertAssessedAlike(after.get(pid), row, pid));
    }

    /**
     * Refreshes reconcile while ingestion changes the same products, and the list ends as a scan finds it. (Whether
     * a reconcile ever wrote a stale row in between is not seen here: later sales would overwrite it.)
     */
    @Test
    void afterRefreshesDuringIngestionTheListIsWhatAScanFinds() throws Exception {
        long first = 910_000;
        int products = 20;
        try (SalesUnderLoad load = SalesUnderLoad.start(radar.client, first, products, 2)) {
            load.awaitAcknowledged(100);
            for (long id = first; id < first + products; id++) {
                // little stock: every sale now moves the product's row, while the refresh reconciles it
                radar.client.putProduct(id, new ProductRequest(3L, null));
            }
            for (int i = 0; i < 3; i++) {
                refresher.refresh(Radar.now()).get();
            }
            load.awaitAcknowledged(load.acknowledged() + 100);
            assertThat(load.serverErrors()).isZero();
        }

        Map<Long, Row> found = atRisk(refresher.backtest(Radar.now()).get().id());
        Map<Long, Row> kept = live();

        assertThat(found.keySet()).as("the load's products, sold out").containsAll(
                LongStream.range(first, first + products).boxed().toList());
        assertThat(kept.keySet()).isEqualTo(found.keySet());
        found.forEach((pid, row) -> assertAssessedAlike(kept.get(pid), row, pid));
    }

    /**
     * Pages come from the nodes' ledgers; the same page of the table, in SQL, has the same products in the same
     * order, for every order, direction, class and search, and the same counts.
     */
    @Test
    void everyOrderClassAndSearchReadsFromTheLedgersWhatTheTableHolds() {
        ingestTwoWeeksOfRandomChanges(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> RiskLedger.on(ignite).currentIfBuilt() != null);
        AtRiskPage all = queries.page(AtRiskQueries.Filter.RANKING, 10, 0);
        assertThat(all.counts()).isEqualTo(countsInTable());
        assertThat(all.total()).isEqualTo(all.counts().atRisk()).isGreaterThan(50);
        String someName = all.products().get(3).name();
        for (String sort : AtRiskQueries.SORTS) {
            for (boolean descending : new boolean[] {false, true}) {
                for (RiskClass riskClass : new RiskClass[] {null, RiskClass.TRENDING, RiskClass.OUT_OF_STOCK}) {
                    for (String search : new String[] {null, "1", someName.toUpperCase()}) {
                        AtRiskQueries.Filter filter = new AtRiskQueries.Filter(riskClass, search, sort, descending);
                        AtRiskPage page = queries.page(filter, 25, 3);
                        assertThat(page.products()).as("%s", filter)
                                .extracting(AtRiskProduct::productId).isEqualTo(pidsInTable(filter, 25, 3));
                        assertThat(page.products()).extracting(AtRiskProduct::rank).isEqualTo(
                                LongStream.rangeClosed(4, 3 + page.products().size()).boxed().toList());
                        assertThat(page.total()).as("%s", filter).isEqualTo(pidsInTable(filter, 100_000, 0).size());
                    }
                }
            }
        }
    }

    /**
     * Sales and restocks of the last 14 days, sent in batches that often hold several changes of one product (also
     * on the day the 7-day window starts in, whose changes the transaction must count before they are committed).
     * Nothing lies within an hour of the window's start, so the seconds this test takes move nothing across it.
     */
    private void ingestTwoWeeksOfRandomChanges(int products) {
        Random random = new Random(20261130);
        long now = Radar.now();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < products; i++) {
            ids.add(radar.newProduct(random.nextInt(45) - 5));
        }
        List<SaleRequest> sales = new ArrayList<>();
        for (long id : ids) {
            for (int i = random.nextInt(9); i > 0; i--) {
                sales.add(new SaleRequest((long) random.nextInt(100), id, 1L + random.nextInt(5),
                        randomTimestamp(random, now), null));
            }
            if (random.nextInt(5) == 0) {
                radar.client.restock(new RestockRequest(id, 5L + random.nextInt(40), randomTimestamp(random, now),
                        null));
            }
        }
        for (int from = 0; from < sales.size(); from += 500) {
            radar.client.sales(sales.subList(from, Math.min(sales.size(), from + 500)));
        }
    }

    private static long randomTimestamp(Random random, long now) {
        long timestamp;
        do {
            timestamp = now - 1 - random.nextInt((int) (14 * DAY));
        } while (Math.abs(timestamp - (now - 7 * DAY)) < 3_600);
        return timestamp;
    }

    /** The same class and 7-day numbers; the forecast's numbers moved only by the seconds between the two. */
    private static void assertAssessedAlike(Row kept, Row found, long pid) {
        assertThat(new Row(kept.riskClass(), kept.stock(), kept.sales7d(), kept.restocks7d(), kept.velocity(),
                kept.projected(), 0, 0, null, null, 0, null, null)).as("product %d", pid)
                .isEqualTo(new Row(found.riskClass(), found.stock(), found.sales7d(), found.restocks7d(),
                        found.velocity(), found.projected(), 0, 0, null, null, 0, null, null));
        assertNear(kept.dailyDemand(), found.dailyDemand(), pid);
        assertNear(kept.trend(), found.trend(), pid);
        assertNear(kept.daysOfCover(), found.daysOfCover(), pid);
        assertNear(kept.stockOutDays(), found.stockOutDays(), pid);
        assertNear(kept.stockOutProbability(), found.stockOutProbability(), pid);
        assertNear(kept.stockOutDaysP10(), found.stockOutDaysP10(), pid);
        assertNear(kept.stockOutDaysP90(), found.stockOutDaysP90(), pid);
    }

    private static void assertNear(Double kept, Double found, long pid) {
        if (found == null) {
            assertThat(kept).as("product %d", pid).isNull();
        } else {
            assertThat(kept).as("product %d", pid).isCloseTo(found, within(0.01 * Math.max(1, Math.abs(found))));
        }
    }

    /** The product's class on the list, null when it is not on it. */
    private String riskClass(long product) {
        for (JsonNode row : radar.get("/api/at-risk?q=" + product).body().get("products")) {
            if (row.get("productId").asLong() == product) {
                return row.get("riskClass").asText();
            }
        }
        return null;
    }

    private Long refreshId() {
        JsonNode refresh = radar.get("/api/at-risk").body().get("refresh");
        return refresh.isNull() ? null : refresh.get("id").asLong();
    }

    private List<Long> pidsInTable(AtRiskQueries.Filter filter, int limit, int offset) {
        List<Object> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (filter.riskClass() != null) {
            conditions.add("risk_class = ?");
            args.add(filter.riskClass().name());
        }
        if (filter.search() != null) {
            conditions.add("(LOWER(name) LIKE ?" + (filter.search().matches("\\d+") ? " OR pid = " + filter.search()
                    : "") + ")");
            args.add("%" + filter.search().toLowerCase() + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery("SELECT pid FROM LIVE_RISK" + where
                        + AtRiskQueries.orderBy(filter) + " LIMIT " + limit + " OFFSET " + offset)
                        .setArgs(args.toArray())).getAll().stream().map(row -> (Long) row.get(0)).toList();
    }

    private AtRiskCounts countsInTable() {
        Map<String, Long> byClass = new HashMap<>();
        ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery(
                        "SELECT risk_class, COUNT(*) FROM LIVE_RISK GROUP BY risk_class")).getAll()
                .forEach(row -> byClass.put((String) row.get(0), (Long) row.get(1)));
        return new AtRiskCounts(byClass.getOrDefault("OUT_OF_STOCK", 0L), byClass.getOrDefault("SEED_RULE", 0L),
                byClass.getOrDefault("TRENDING", 0L));
    }

    private Map<Long, Row> live() {
        return rows("FROM LIVE_RISK");
    }

    private Map<Long, Row> atRisk(long refreshId) {
        return rows("FROM AT_RISK WHERE refresh_id = " + refreshId);
    }

    private Map<Long, Row> rows(String from) {
        Map<Long, Row> rows = new HashMap<>();
        ignite.cache(GridNames.LIVE_RISK_CACHE).query(new SqlFieldsQuery("""
                SELECT pid, risk_class, stock, sales_7d, restocks_7d, velocity, projected, daily_demand, trend,
                       days_of_cover, stock_out_days, stock_out_probability, stock_out_days_p10, stock_out_days_p90\s"""
                + from)).getAll()
                .forEach(r -> rows.put((Long) r.get(0), new Row((String) r.get(1), (Long) r.get(2), (Long) r.get(3),
                        (Long) r.get(4), (Long) r.get(5), (Long) r.get(6), (Double) r.get(7), (Double) r.get(8),
                        (Double) r.get(9), (Double) r.get(10), (Double) r.get(11), (Double) r.get(12),
                        (Double) r.get(13))));
        return rows;
    }
}
