package com.stockoutradar.web.analysts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.grid.risk.RiskRefresher;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.compute.risk.RiskParameters;

/**
 * Runs every query of {@code docs/analysts.md} through Ignite's thin JDBC driver against a running node, on a small
 * shop whose answers are worked out by hand, so the document cannot drift from the system.
 */
@GridIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystQueriesIT {
    static final Path DOCUMENT = Path.of("../docs/analysts.md");
    static final Pattern QUERY = Pattern.compile("```sql\\n-- ([a-z-]+)\\n(.*?)```", Pattern.DOTALL);
    static final Pattern PARAMETER = Pattern.compile(":(now|pid)\\b");
    static final long DAY = 86_400;
    static final long NOW = Radar.now() - 600;

    @Autowired
    Radar radar;
    @Autowired
    Ignite ignite;
    @Autowired
    RiskRefresher refresher;

    Map<String, String> queries;

    /**
     * Mug (1): 2 sold 9 days ago, 5 on each of days 1, 3, 5 ago. Lamp (2): 3 a day on days 4..1 ago from 10, out at
     * the last, restocked 30 an hour later (28 in stock: a stock-out within a week is unlikely). Kettle (3): 1 a day on days 6..1 ago from 5, out at day 2. Scarf (4): no
     * sales. Tea (5): 4, 6, 8 sold on days 2, 1, 0 ago from 40. Customers: 7 buys mugs and tea, 8 lamps, 9 kettles.
     */
    @BeforeAll
    void smallShop() throws Exception {
        queries = queries();
        radar.client.putProduct(1, new ProductRequest(100L, "Mug"));
        radar.client.putProduct(2, new ProductRequest(10L, "Lamp"));
        radar.client.putProduct(3, new ProductRequest(5L, "Kettle"));
        radar.client.putProduct(4, new ProductRequest(50L, "Scarf"));
        radar.client.putProduct(5, new ProductRequest(40L, "Tea"));
        sale(7, 1, 2, daysAgo(9));
        for (int day : new int[] {5, 3, 1}) {
            sale(7, 1, 5, daysAgo(day));
        }
        for (int day = 4; day >= 1; day--) {
            sale(8, 2, 3, daysAgo(day));
        }
        radar.client.restock(new RestockRequest(2L, 30L, daysAgo(1) + 3_600, null));
        for (int day = 6; day >= 1; day--) {
            sale(9, 3, 1, daysAgo(day));
        }
        sale(7, 5, 4, daysAgo(2));
        sale(7, 5, 6, daysAgo(1));
        sale(7, 5, 8, daysAgo(0));
        refresher.refresh(NOW).get();
    }

    @Test
    void theDocumentHasAtLeastTenQueriesAndEachIsCheckedHere() {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        assertThat(queries.keySet()).containsExactlyInAnyOrder("top-sellers", "demand-doubled", "at-risk-by-class",
                "at-risk-with-live-stock", "stock-outs", "restock-lag", "daily-sales-of-product", "negative-stock",
                "top-customers", "trending", "refresh-history", "top-sellers-rolling", "top-customers-rolling");
    }

    @Test
    void topSellersThisWeekAreReadFromTheHeadOfAnIndex() throws SQLException {
        assertThat(run("top-sellers")).containsExactly(row(5L, "Tea", 18L), row(1L, "Mug", 15L),
                row(2L, "Lamp", 12L), row(3L, "Kettle", kettleThisWeek()));
        assertThat(plan("top-sellers")).contains("PRODUCT_WEEK_SOLD_IDX", "index sorted");
    }

    @Test
    void demandThatDoubled() throws SQLException {
        List<List<Object>> expected = new ArrayList<>(List.of(row(1L, 15L, 2L)));
        if (kettleThisWeek() == 5) {
            expected.add(row(3L, 5L, 1L)); // the kettle's first sale fell in the week before
        }
        assertThat(run("demand-doubled")).containsExactlyElementsOf(expected);
    }

    @Test
    void topSellersOverTheRollingWindowFromTheRawChanges() throws SQLException {
        assertThat(run("top-sellers-rolling")).containsExactly(row(5L, 18L), row(1L, 15L), row(2L, 12L),
                row(3L, 6L));
    }

    @Test
    void topCustomersOverTheRollingWindowFromTheRawChanges() throws SQLException {
        assertThat(run("top-customers-rolling")).containsExactly(row(7L, 33L), row(8L, 12L), row(9L, 6L));
    }

    /**
     * Each summary table row by row against the same sums over {@code INVENTORY_CHANGE}, the weeks as of the node's
     * day (the week: that day and the six before; the week before: the seven before those).
     */
    @Test
    void theSummaryTablesAgreeWithTheRawChanges() throws SQLException {
        long today = today();
        assertThat(rows("SELECT pid, day, sold, restocked, changes FROM PRODUCT_DAY ORDER BY pid, day"))
                .hasSize(17)
                .isEqualTo(rows("SELECT pid, timestamp / 86400 AS day,"
                        + " SUM(CASE WHEN type = 'SALE' THEN quantity ELSE 0 END),"
                        + " SUM(CASE WHEN type = 'RESTOCK' THEN quantity ELSE 0 END), COUNT(*)"
                        + " FROM INVENTORY_CHANGE GROUP BY pid, timestamp / 86400 ORDER BY pid, day"));
        assertThat(rows("SELECT pid, day, sold_today, sold_7d, restocked_7d, sold_prev_7d FROM PRODUCT_WEEK"
                + " ORDER BY pid")).hasSize(4).isEqualTo(rows("SELECT pid, " + today + ","
                + week("type = 'SALE'", "quantity", 0, 0) + ", " + week("type = 'SALE'", "quantity", 6, 0) + ", "
                + week("type = 'RESTOCK'", "quantity", 6, 0) + ", " + week("type = 'SALE'", "quantity", 13, 7)
                + " FROM INVENTORY_CHANGE GROUP BY pid ORDER BY pid"));
        assertThat(rows("SELECT customer_id, day, bought, purchases FROM CUSTOMER_DAY ORDER BY customer_id, day"))
                .hasSize(16)
                .isEqualTo(rows("SELECT customer_id, timestamp / 86400 AS day, SUM(quantity), COUNT(*)"
                        + " FROM INVENTORY_CHANGE WHERE type = 'SALE' GROUP BY customer_id, timestamp / 86400"
                        + " ORDER BY customer_id, day"));
        assertThat(rows("SELECT customer_id, day, bought_today, bought_7d, purchases_7d, bought_prev_7d"
                + " FROM CUSTOMER_WEEK ORDER BY customer_id")).hasSize(3).isEqualTo(rows("SELECT customer_id, "
                + today + ", " + week("TRUE", "quantity", 0, 0) + ", " + week("TRUE", "quantity", 6, 0) + ", "
                + week("TRUE", "1", 6, 0) + ", " + week("TRUE", "quantity", 13, 7)
                + " FROM INVENTORY_CHANGE WHERE type = 'SALE' GROUP BY customer_id ORDER BY customer_id"));
        assertThat(rows("SELECT pid, change_id, out_at FROM STOCK_OUT ORDER BY pid, change_id")).hasSize(2)
                .isEqualTo(rows("SELECT pid, id, timestamp FROM INVENTORY_CHANGE WHERE stock_after <= 0"
                        + " AND stock_after + CASE WHEN type = 'SALE' THEN quantity ELSE -quantity END > 0"
                        + " ORDER BY pid, id"));
    }

    /** The sum of {@code what} over the changes matching {@code filter} from {@code from} to {@code to} days ago. */
    private String week(String filter, String what, int from, int to) {
        long today = today();
        return "SUM(CASE WHEN " + filter + " AND timestamp / 86400 BETWEEN " + (today - from) + " AND "
                + (today - to) + " THEN " + what + " ELSE 0 END)";
    }

    /** The UTC day the node's weeks are as of: its clock, not the shop's {@link #NOW}, which is a little behind. */
    private static long today() {
        return DemandDays.dayOf(Radar.now());
    }

    /** The kettle sold one a day from six days ago: that first sale is in this week unless it was just past midnight. */
    private static long kettleThisWeek() {
        return DemandDays.dayOf(daysAgo(6)) >= today() - 6 ? 6 : 5;
    }

    @Test
    void atRiskByClass() throws SQLException {
        assertThat(run("at-risk-by-class")).containsExactly(row("OUT_OF_STOCK", 1L), row("TRENDING", 1L));
    }

    @Test
    void atRiskWithLiveStockIsRankedByStockOut() throws SQLException {
        List<List<Object>> rows = run("at-risk-with-live-stock");

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(3L, 5L);
        assertThat(rows.get(0)).containsSequence("Kettle", "OUT_OF_STOCK", -1L, -1L);
    }

    @Test
    void stockOutsAreReadFromTheirOwnTable() throws SQLException {
        assertThat(run("stock-outs")).containsExactly(row(2L, daysAgo(1)), row(3L, daysAgo(2)));
        assertThat(plan("stock-outs")).contains("PUBLIC.STOCK_OUT").doesNotContain("INVENTORY_CHANGE");
    }

    @Test
    void restockLagOfEachStockOut() throws SQLException {
        assertThat(run("restock-lag")).extracting(r -> List.of(r.get(0), r.get(2))).containsExactly(row(2L, 3_600L));
    }

    @Test
    void dailySalesOfOneProductAreFoundByItsProductId() throws SQLException {
        assertThat(run("daily-sales-of-product")).extracting(r -> r.get(1)).containsExactly(2L, 5L, 5L, 5L);
        assertThat(plan("daily-sales-of-product")).contains("AFFINITY_KEY: PID = ");
    }

    @Test
    void negativeStockIsReadFromTheOutOfStockRowsOfTheRiskList() throws SQLException {
        assertThat(run("negative-stock")).containsExactly(row(3L, "Kettle", -1L))
                .isEqualTo(rows("SELECT id, name, stock FROM PRODUCT WHERE stock < 0 ORDER BY stock, id"));
        assertThat(plan("negative-stock")).contains("LIVE_RISK_CLASS_RANKING_IDX: RISK_CLASS = 'OUT_OF_STOCK'");
    }

    @Test
    void topCustomersThisWeekAreReadFromTheHeadOfAnIndex() throws SQLException {
        assertThat(run("top-customers")).containsExactly(row(7L, 33L), row(8L, 12L), row(9L, kettleThisWeek()));
        assertThat(plan("top-customers")).contains("CUSTOMER_WEEK_BOUGHT_IDX", "index sorted");
    }

    @Test
    void trendingProductsByAcceleration() throws SQLException {
        List<List<Object>> rows = run("trending");

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(5L);
        assertThat(rows).allSatisfy(r -> {
            assertThat((Double) r.get(5)).isBetween(RiskParameters.DEFAULT_STOCK_OUT_LEVEL, 1.0);
            assertThat((Double) r.get(6)).isLessThanOrEqualTo((Double) r.get(7)).isPositive();
            assertThat((Double) r.get(7)).isLessThanOrEqualTo((Double) r.get(8));
        });
    }

    @Test
    void refreshHistory() throws SQLException {
        List<List<Object>> rows = run("refresh-history");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(1)).isEqualTo(NOW);
        assertThat(rows.get(0).subList(3, 7)).containsExactly(5L, 1L, 0L, 1L);
    }

    private static long daysAgo(int days) {
        return NOW - days * DAY - 100;
    }

    private void sale(long customer, long product, long quantity, long timestamp) {
        radar.client.sale(new SaleRequest(customer, product, quantity, timestamp, null));
    }

    private static List<Object> row(Object... values) {
        return List.of(values);
    }

    private List<List<Object>> run(String id) throws SQLException {
        return rows(queries.get(id));
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection jdbc = connect(); PreparedStatement query = prepare(jdbc, sql);
             ResultSet rs = query.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    Object value = rs.getObject(column);
                    row.add(value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private String plan(String id) throws SQLException {
        try (Connection jdbc = connect(); PreparedStatement explain = prepare(jdbc, "EXPLAIN " + queries.get(id));
             ResultSet rs = explain.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    /** The document's {@code :now} and {@code :pid} become JDBC parameters: the shop's moment and the mug. */
    private static PreparedStatement prepare(Connection jdbc, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(sql);
        while (parameter.find()) {
            values.add(parameter.group(1).equals("now") ? NOW : 1L);
        }
        PreparedStatement statement = jdbc.prepareStatement(PARAMETER.matcher(sql).replaceAll("?"));
        for (int i = 0; i < values.size(); i++) {
            statement.setLong(i + 1, values.get(i));
        }
        return statement;
    }

    /** Signed in as the analyst of {@code grid-it.properties}: the port admits nobody else, and only to read. */
    private Connection connect() throws SQLException {
        int port = ((IgniteEx) ignite).context().clientListener().port();
        return DriverManager.getConnection("jdbc:ignite:thin://127.0.0.1:" + port, "analyst", "analyst-secret");
    }

    private static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        Matcher block = QUERY.matcher(Files.readString(DOCUMENT));
        while (block.find()) {
            queries.put(block.group(1), block.group(2).trim());
        }
        return queries;
    }
}
