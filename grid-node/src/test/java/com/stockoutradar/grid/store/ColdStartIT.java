package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.AtRiskRow;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.support.TestNode;
import com.stockoutradar.grid.support.TestPostgres;

/**
 * A new node (a name with no data on disk) on a PostgreSQL with data fills the empty grid from it: every product
 * with its version, the changes of the retention window with their event ids, and the days of demand the risk scan
 * reads; PostgreSQL keeps all history, and change ids go on after the largest it holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdStartIT {
    private static final long DAY = 86_400;
    private static final long WINDOW = 28 * DAY;
    /**
     * When, after the seed, a change inside the window leaves it: later than a node takes to start, and soon enough
     * for the test to see it go.
     */
    private static final long LEAVES_WINDOW_AFTER = 25;
    private static final long SHIRT = 1;
    private static final long OLD = 2;
    private static final long SELLING = 3;
    /** Set several times, never sold: its version is ahead of its changes. */
    private static final long QUIET = 4;
    /** Out of stock five days ago, restocked, out again two days ago. */
    private static final long OUTAGE = 5;
    private static final long LARGEST_ID = 900_000_002;
    private TestPostgres postgres;
    private TestNode node;
    private long now;

    @BeforeAll
    void seedPostgresThenStartANewNode() {
        postgres = TestPostgres.start();
        postgres.createSchema();
        now = TestNode.now();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
        jdbc.update("INSERT INTO product (id, stock, name, updated_at, version) VALUES (?, 105, 'Shirt', ?, 3),"
                + " (?, 8, 'Old', ?, 3), (?, 2, 'Selling', ?, 3), (?, 7, 'Quiet', ?, 5), (?, 0, 'Outage', ?, 4)",
                SHIRT, now, OLD, now, SELLING, now, QUIET, now, OUTAGE, now);
        jdbc.update("""
                INSERT INTO inventory_change (id, pid, type, quantity, timestamp, customer_id, event_id, stock_after)
                VALUES (41, ?, 'SALE', 5, ?, 4, 'order-7', 95), (42, ?, 'RESTOCK', 10, ?, NULL, NULL, 105),
                       (900000001, ?, 'RESTOCK', 9, ?, NULL, NULL, 9), (?, ?, 'SALE', 1, ?, 4, 'order-old', 8),
                       (43, ?, 'SALE', 4, ?, 5, NULL, 6), (44, ?, 'SALE', 4, ?, 5, NULL, 2),
                       (45, ?, 'SALE', 3, ?, NULL, NULL, 0), (46, ?, 'RESTOCK', 4, ?, NULL, NULL, 4),
                       (47, ?, 'SALE', 4, ?, NULL, NULL, 0)""",
                SHIRT, now - 60, SHIRT, now - 30,
                OLD, now - WINDOW - DAY, LARGEST_ID, OLD, now - WINDOW + LEAVES_WINDOW_AFTER,
                SELLING, now - 3 * DAY, SELLING, now - 3600,
                OUTAGE, now - 5 * DAY, OUTAGE, now - 4 * DAY, OUTAGE, now - 2 * DAY);
        node = TestNode.start(postgres.nodeSettings());
    }

    @AfterAll
    void stop() {
        node.close();
        postgres.close();
    }

    @Test
    void loadsEveryProductWithItsStockNameAndVersion() {
        Product shirt = node.product(SHIRT);

        assertThat(shirt.stock()).isEqualTo(105);
        assertThat(shirt.name()).isEqualTo("Shirt");
        assertThat(shirt.version()).as("so that its next change is PostgreSQL's next version").isEqualTo(3);
        assertThat(node.inventory().product(SHIRT, 10).orElseThrow().lastChanges())
                .extracting(ChangeView::changeId).containsExactly(42L, 41L);
    }

    @Test
    void loadsOnlyTheChangesOfTheRetentionWindowWhichLeaveTheGridWithIt() {
        assertThat(node.inventory().product(OLD, 10).orElseThrow().lastChanges())
                .extracting(ChangeView::changeId).containsExactly(LARGEST_ID);
        assertThat(node.ignite().cache(GridNames.EVENT_CACHE).containsKey("order-old")).isTrue();

        await().atMost(Duration.ofSeconds(LEAVES_WINDOW_AFTER + 10))
                .until(() -> node.inventory().product(OLD, 10).orElseThrow().lastChanges().isEmpty());
        assertThat(node.ignite().cache(GridNames.EVENT_CACHE).containsKey("order-old")).as("its event id went first")
                .isFalse();
        assertThat(node.changeIdsInPostgres(OLD)).as("PostgreSQL keeps all history")
                .containsExactly(900_000_001L, LARGEST_ID);
    }

    @Test
    void rebuildsTheDaysOfDemandAsIngestionKeepsThem() {
        long[] asIngested = DemandDays.add(DemandDays.add(null, true, 4, now - 3 * DAY, now), true, 4, now - 3600, now);
        // the field the risk scan reads from the binary entry
        BinaryObject selling = node.ignite().cache(GridNames.PRODUCT_CACHE).<Long, BinaryObject>withKeepBinary()
                .get(SELLING);

        assertThat(selling.<long[]>field("demand")).isEqualTo(asIngested);
    }

    @Test
    void rebuildsTheSummaryTablesFromTheKeptDays() {
        long today = DemandDays.dayOf(now);

        assertThat(rows("SELECT day, sold, restocked, changes FROM PRODUCT_DAY WHERE pid = ? ORDER BY day", SELLING))
                .containsExactlyElementsOf(days(List.of(now - 3 * DAY, now - 3600), 4L, 0L, 1L));
        assertThat(rows("SELECT day, sold_7d, restocked_7d, sold_prev_7d FROM PRODUCT_WEEK WHERE pid = ?", SELLING))
                .containsExactly(List.of(today, 8L, 0L, 0L));
        assertThat(rows("SELECT day, restocked FROM PRODUCT_DAY WHERE pid = ? ORDER BY day", OLD))
                .as("the restock a day before the retention window is still a kept day")
                .containsExactly(List.of(DemandDays.dayOf(now - WINDOW - DAY), 9L),
                        List.of(DemandDays.dayOf(now - WINDOW + LEAVES_WINDOW_AFTER), 0L));
        assertThat(rows("SELECT customer_id, day, bought_7d, purchases_7d FROM CUSTOMER_WEEK ORDER BY customer_id"))
                .containsExactly(List.of(4L, today, 5L, 1L), List.of(5L, today, 8L, 2L));
        assertThat(rows("SELECT day, bought, purchases FROM CUSTOMER_DAY WHERE customer_id = 4 ORDER BY day"))
                .containsExactly(List.of(DemandDays.dayOf(now - WINDOW + LEAVES_WINDOW_AFTER), 1L, 1L),
                        List.of(DemandDays.dayOf(now - 60), 5L, 1L));
    }

    /** One row per change's day, the same numbers each; two changes of one day make one row with twice them. */
    private static List<List<Long>> days(List<Long> timestamps, long sold, long restocked, long changes) {
        return timestamps.stream().map(DemandDays::dayOf).distinct()
                .map(day -> List.of(day, sold * timestamps.stream().filter(t -> DemandDays.dayOf(t) == day).count(),
                        restocked, changes * timestamps.stream().filter(t -> DemandDays.dayOf(t) == day).count()))
                .toList();
    }

    private List<List<?>> rows(String sql, Object... args) {
        return node.ignite().cache(GridNames.PRODUCT_CACHE).query(new SqlFieldsQuery(sql).setArgs(args)).getAll();
    }

    @Test
    void putsTheProductsAtRiskOnTheLiveListWithoutARefresh() {
        // SELLING: stock 2 against 8 units sold in the last 7 days, at risk by the 7-day rule
        await().atMost(Duration.ofSeconds(20)).until(() -> node.ignite().cache(GridNames.LIVE_RISK_CACHE)
                .containsKey(SELLING));
        // 5 sold against 105 in stock: never the 7-day rule; the forecast may still call it TRENDING when its only
        // sale fell in the first minutes of a UTC day (as fast a seller as that would empty the stock in a week)
        AtRiskRow shirt = node.ignite().<Long, AtRiskRow>cache(GridNames.LIVE_RISK_CACHE).get(SHIRT);
        assertThat(shirt == null ? null : shirt.riskClass()).isNotIn(RiskClass.OUT_OF_STOCK, RiskClass.SEED_RULE);
    }

    @Test
    void rebuildsTheStockOutsAndTheOneThatAwaitsARestock() {
        assertThat(rows("SELECT change_id, out_at, restocked_at FROM STOCK_OUT WHERE pid = ? ORDER BY change_id",
                OUTAGE)).containsExactly(List.of(45L, now - 5 * DAY, now - 4 * DAY),
                Arrays.asList(47L, now - 2 * DAY, null));
        assertThat(node.product(OUTAGE).openStockOut()).isEqualTo(47);

        node.restock(OUTAGE, 10);

        assertThat(rows("SELECT restocked_at IS NOT NULL FROM STOCK_OUT WHERE pid = ? AND change_id = 47", OUTAGE))
                .as("the restock after the cold start ends the stock-out the product awaited").containsExactly(List.of(true));
        assertThat(node.product(OUTAGE).openStockOut()).isZero();
    }

    @Test
    void remembersTheEventIdsOfTheWindow() {
        ChangeReceipt replay = node.sell(List.of(new SaleRequest(4L, SHIRT, 5L, now - 60, "order-7"))).get(0);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.changeId()).isEqualTo(41);
        assertThat(replay.stock()).isEqualTo(95);
    }

    @Test
    void continuesChangeIdsAfterTheLargestInPostgresAndVersionsAfterPostgresOwn() {
        ChangeReceipt next = node.sell(QUIET, 1, null);

        assertThat(next.changeId()).isGreaterThan(LARGEST_ID);
        // a version PostgreSQL already has would never replace its row
        await().atMost(TestNode.DELIVERY).until(() -> List.of(6L, 6L).equals(node.rowInPostgres(QUIET)));
        assertThat(node.changeIdsInPostgres(QUIET)).containsExactly(next.changeId());
    }
}
