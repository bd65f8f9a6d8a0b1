package com.stockoutradar.web.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.api.Backtest;
import com.stockoutradar.api.BacktestDay;
import com.stockoutradar.api.BacktestLevel;
import com.stockoutradar.api.BacktestScores;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.DemandHistory;
import com.stockoutradar.compute.risk.RiskModel;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.grid.backtest.Backtests;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;
import com.stockoutradar.web.TestApps;

/**
 * A small shop with four weeks of sales and restocks, ingested through the API. The backtest's numbers for each past
 * midnight T must be those PostgreSQL computes on the same rows: the stock at T from the stock now and the changes
 * after T, whether it was at or below zero in the week after (a running sum per product), the 7-day rule as of T;
 * and the model's, as {@link RiskModel} assesses the histories PostgreSQL holds up to T. Then again with two nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestIT {
    static final int PRODUCTS = 300;
    static final long DAY = RiskParameters.DAY;
    static final long WEEK = 7 * DAY;
    /** Kept inside the grid's 28-day retention, which refuses older changes. */
    static final int HISTORY_DAYS = 27;

    /**
     * As of :t, for every product: its stock at t (the stock now, the changes after t taken back), whether its stock
     * was at or below zero at t or after some second of (t, t + 7 days] (the window's default RANGE frame sums a
     * second's changes together), and its sales and restocks of the 7 days up to t.
     */
    static final String AS_OF = """
            WITH at_t AS (
                SELECT p.id, p.stock + COALESCE(SUM(CASE WHEN c.type = 'SALE' THEN c.quantity ELSE -c.quantity END), 0)
                       AS stock
                FROM product p LEFT JOIN inventory_change c ON c.pid = p.id AND c.timestamp > :t
                GROUP BY p.id, p.stock),
            week_after AS (
                SELECT c.pid, a.stock + SUM(CASE WHEN c.type = 'SALE' THEN -c.quantity ELSE c.quantity END)
                       OVER (PARTITION BY c.pid ORDER BY c.timestamp) AS stock
                FROM inventory_change c JOIN at_t a ON a.id = c.pid
                WHERE c.timestamp > :t AND c.timestamp <= :t + 604800),
            week_before AS (
                SELECT pid, COALESCE(SUM(quantity) FILTER (WHERE type = 'SALE'), 0) AS sales,
                       COALESCE(SUM(quantity) FILTER (WHERE type = 'RESTOCK'), 0) AS restocks
                FROM inventory_change WHERE timestamp > :t - 604800 AND timestamp <= :t GROUP BY pid)
            SELECT a.id, a.stock,
                   a.stock <= 0 OR EXISTS (SELECT 1 FROM week_after w WHERE w.pid = a.id AND w.stock <= 0) AS ran_out,
                   COALESCE(b.sales, 0), COALESCE(b.restocks, 0)
            FROM at_t a LEFT JOIN week_before b ON b.pid = a.id""";

    /** One product as of T, from PostgreSQL. */
    record AsOf(long pid, long stock, boolean ranOut, long sales7d, long restocks7d) {
    }

    /** Flagged, and of those ran out. */
    record Tally(long flagged, long flaggedAndRanOut) {
        Tally plus(boolean flagged, boolean ranOut) {
            return new Tally(this.flagged + (flagged ? 1 : 0), flaggedAndRanOut + (flagged && ranOut ? 1 : 0));
        }
    }

    private ConfigurableApplicationContext app;
    private ConfigurableApplicationContext secondNode;
    private Radar radar;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void ingestFourWeeksOfAShop(@TempDir Path files) throws IOException {
        app = TestApps.startWebApp(Map.of());
        radar = TestApps.radar(app);
        long now = Radar.now() - 60;
        long today = Math.floorDiv(now, DAY);
        Random random = new Random(20261201);

        List<SaleRequest> sales = new ArrayList<>();
        List<RestockRequest> restocks = new ArrayList<>();
        StringBuilder csv = new StringBuilder("product_id,stock,name\n");
        for (long id = 1; id <= PRODUCTS; id++) {
            long sold = 0;
            if (id % 30 != 0) { // every 30th product never changes
                double rate = 3 * random.nextDouble();
                boolean rising = id % 3 == 0;
                for (int daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
                    double mean = rising ? rate * 3 * (HISTORY_DAYS - daysAgo) / HISTORY_DAYS : rate;
                    for (int i = (int) (2 * mean * random.nextDouble() + random.nextDouble()); i > 0; i--) {
                        long quantity = 1 + random.nextInt(2);
                        long at = now - daysAgo * DAY - random.nextInt((int) DAY);
                        sales.add(new SaleRequest((long) random.nextInt(100), id, quantity, at, null));
                        sold += quantity;
                    }
                }
                // changes exactly on a backtest's midnight and on the last second of the week after one
                long midnight = (today - 7 - id % 14) * DAY;
                if (id % 10 == 1) {
                    sales.add(new SaleRequest(1L, id, 2L, midnight, null));
                } else if (id % 10 == 2) {
                    sales.add(new SaleRequest(1L, id, 2L, midnight + WEEK, null));
                }
                if (id % 4 == 0) {
                    restocks.add(new RestockRequest(id, 5L + random.nextInt(30),
                            now - random.nextInt((int) (HISTORY_DAYS * DAY)), null));
                }
            }
            long stock = id % 30 == 0 ? id % 60 == 0 ? 0 : 5 : random.nextInt((int) (sold * 1.3) + 3) - 2;
            csv.append(id).append(',').append(stock).append(",Product ").append(id).append('\n');
        }
        radar.client.importProducts(Files.writeString(files.resolve("products.csv"), csv));
        for (int from = 0; from < sales.size(); from += 5_000) {
            radar.client.sales(sales.subList(from, Math.min(sales.size(), from + 5_000)));
        }
        restocks.forEach(radar.client::restock);
        radar.awaitChangesInPostgres(sales.size() + restocks.size());
        radar.awaitPostgresCaughtUp();
    }

    @AfterAll
    void stopAllNodesTogether() {
        Ignition.stopAll(true);
        if (secondNode != null) {
            secondNode.close();
        }
        app.close();
    }

    @Test
    void eachDaysNumbersAreWhatPostgresAndTheModelFindOnTheSameRows() throws Exception {
        Radar.Answer answer = radar.as(TestAccounts.OPERATOR).post("/api/backtest", "");
        assertThat(answer.status()).isEqualTo(200);
        Backtest backtest = json.treeToValue(answer.body(), Backtest.class);

        assertMatchesPostgres(backtest);
        assertThat(radar.as(TestAccounts.VIEWER).get("/api/backtest").body()).as("the last result, kept")
                .isEqualTo(answer.body());
    }

    @Test
    void twoNodesEachCountingTheirOwnProductsFindTheSameNumbers() {
        Backtests backtests = app.getBean(Backtests.class);
        Backtest oneNode = backtests.run().join();

        secondNode = TestApps.startGridNodeBeside(app, "backtest-node-2");
        Ignite ignite = app.getBean(Ignite.class);
        Ignite other = secondNode.getBean(Ignite.class);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                ignite.affinity(GridNames.PRODUCT_CACHE).primaryPartitions(other.cluster().localNode()).length > 0
                        && other.cache(GridNames.PRODUCT_CACHE).localSize(CachePeekMode.PRIMARY) > 0
                        && ignite.cache(GridNames.PRODUCT_CACHE).localSize(CachePeekMode.PRIMARY)
                        + other.cache(GridNames.PRODUCT_CACHE).localSize(CachePeekMode.PRIMARY) == PRODUCTS);
        Backtest twoNodes = backtests.run().join();

        assertThat(twoNodes.perDay()).isEqualTo(oneNode.perDay());
        assertThat(twoNodes.levels()).isEqualTo(oneNode.levels());
        assertMatchesPostgres(twoNodes);
    }

    @Test
    void aRequestWhileABacktestRunsJoinsIt() {
        Backtests backtests = app.getBean(Backtests.class);

        var first = backtests.run();
        var second = backtests.run();

        assertThat(second).isSameAs(first);
        assertThat(second.join()).isSameAs(backtests.last().orElseThrow());
    }

    private void assertMatchesPostgres(Backtest backtest) {
        long today = Math.floorDiv(backtest.computedAt(), DAY);
        Map<Long, List<long[]>> changes = changesInPostgres();
        long oldest = changes.values().stream().flatMap(List::stream).mapToLong(c -> c[2]).min().orElseThrow();
        assertThat(backtest.days()).isEqualTo(14);
        assertThat(backtest.perDay()).hasSize(14);
        assertThat(backtest.products()).isEqualTo(PRODUCTS);
        assertThat(backtest.changes()).isEqualTo(changes.values().stream().mapToLong(List::size).sum());

        List<Double> levels = backtest.levels().stream().map(BacktestLevel::level).toList();
        assertThat(levels).contains(0.05, 0.5, 0.95, backtest.stockOutLevel()).isSorted();
        Map<Double, Tally> trendingByLevel = new HashMap<>();
        long ranOutAllDays = 0;
        long ruleFlaggedAllDays = 0;
        long ruleRightAllDays = 0;
        for (int k = 0; k < 14; k++) {
            BacktestDay day = backtest.perDay().get(k);
            long t = (today - 7 - k) * DAY;
            assertThat(day.asOf()).isEqualTo(t);
            assertThat(day.historyDays()).isEqualTo((int) Math.min(28, (t - oldest) / DAY));

            Map<RiskClass, Tally> byClass = new EnumMap<>(RiskClass.class);
            long ranOut = 0;
            for (AsOf p : asOf(t)) {
                ranOut += p.ranOut() ? 1 : 0;
                RiskClass byRule = p.stock() <= 0 ? RiskClass.OUT_OF_STOCK
                        : p.sales7d() > 0 && p.stock() - (p.sales7d() - p.restocks7d()) <= 0 ? RiskClass.SEED_RULE
                        : null;
                double probability = byRule != null ? 0 : RiskModel.assess(p.stock(), history(changes, p.pid(), t),
                        RiskParameters.asOf(t, 0, 7, backtest.stockOutLevel())).stockOutProbability();
                for (RiskClass riskClass : RiskClass.values()) {
                    boolean flagged = riskClass == RiskClass.TRENDING
                            ? probability >= backtest.stockOutLevel() : riskClass == byRule;
                    byClass.merge(riskClass, new Tally(0, 0).plus(flagged, p.ranOut()), BacktestIT::sum);
                }
                for (double level : levels) {
                    trendingByLevel.merge(level, new Tally(0, 0).plus(probability >= level, p.ranOut()),
                            BacktestIT::sum);
                }
            }
            for (RiskClass riskClass : RiskClass.values()) {
                assertThat(tally(day.classes().get(riskClass))).as("%s on %s", riskClass, day.asOf())
                        .isEqualTo(byClass.get(riskClass));
                assertThat(day.classes().get(riskClass).ranOut()).isEqualTo(ranOut);
            }
            Tally rule = sum(byClass.get(RiskClass.OUT_OF_STOCK), byClass.get(RiskClass.SEED_RULE));
            assertThat(tally(day.rule())).as("rule on %s", day.asOf()).isEqualTo(rule);
            assertThat(tally(day.model())).as("model on %s", day.asOf())
                    .isEqualTo(sum(rule, byClass.get(RiskClass.TRENDING)));
            assertThat(day.model().ranOut()).as("ran out after %s", day.asOf()).isEqualTo(ranOut).isPositive();
            ranOutAllDays += ranOut;
            ruleFlaggedAllDays += rule.flagged();
            ruleRightAllDays += rule.flaggedAndRanOut();
        }

        assertThat(backtest.rule()).isEqualTo(BacktestScores.of(ruleFlaggedAllDays, ruleRightAllDays, ranOutAllDays));
        for (BacktestLevel level : backtest.levels()) {
            Tally trending = trendingByLevel.get(level.level());
            assertThat(level.model()).as("model at level %s", level.level()).isEqualTo(BacktestScores.of(
                    ruleFlaggedAllDays + trending.flagged(), ruleRightAllDays + trending.flaggedAndRanOut(),
                    ranOutAllDays));
        }
        BacktestLevel best = backtest.levels().stream()
                .reduce((a, b) -> b.model().f1() > a.model().f1() ? b : a).orElseThrow();
        assertThat(backtest.best()).isEqualTo(best);
        assertThat(backtest.classes().get(RiskClass.TRENDING).flagged()).as("the model flags what the rule misses")
                .isPositive();
        assertThat(backtest.classes().get(RiskClass.SEED_RULE).flaggedAndRanOut()).isPositive();
        assertThat(backtest.classes().get(RiskClass.OUT_OF_STOCK).flagged()).isPositive();
    }

    private List<AsOf> asOf(long t) {
        return radar.postgres().query(AS_OF.replace(":t", Long.toString(t)), (rs, row) -> new AsOf(rs.getLong(1),
                rs.getLong(2), rs.getBoolean(3), rs.getLong(4), rs.getLong(5)));
    }

    /** Every change in PostgreSQL by product: {sale ? 1 : 0, quantity, timestamp}. */
    private Map<Long, List<long[]>> changesInPostgres() {
        Map<Long, List<long[]>> changes = new HashMap<>();
        radar.postgres().query("SELECT pid, type, quantity, timestamp FROM inventory_change", rs -> {
            changes.computeIfAbsent(rs.getLong(1), pid -> new ArrayList<>()).add(new long[] {
                "SALE".equals(rs.getString(2)) ? 1 : 0, rs.getLong(3), rs.getLong(4)});
        });
        return changes;
    }

    /** The product's history as the model reads it at t: its changes up to t. */
    private static DemandHistory history(Map<Long, List<long[]>> changes, long pid, long t) {
        DemandHistory history = new DemandHistory(t);
        for (long[] change : changes.getOrDefault(pid, List.of())) {
            if (change[2] <= t) {
                history.add(change[0] == 1, change[1], change[2]);
            }
        }
        return history;
    }

    private static Tally tally(BacktestScores scores) {
        return new Tally(scores.flagged(), scores.flaggedAndRanOut());
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.flagged() + b.flagged(), a.flaggedAndRanOut() + b.flaggedAndRanOut());
    }
}
