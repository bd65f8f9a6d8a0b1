package com.stockoutradar.grid.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.support.TestNode;

/**
 * Time passes with nothing sold: each node rolls its weeks to the new day, drops a product's week once both weeks
 * are empty and a customer's once no kept day holds a purchase, and drops day rows older than the kept days. The
 * sweeps are run as of later days here; on a node they run every {@code radar.grid.retention-sweep-every}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryRollIT {
    private static final long DAY = 86_400;
    private static final long BUYER = 9_001;
    private TestNode node;
    private long now;
    private long today;
    private long scarf;

    @BeforeAll
    void sellAScarfOverTwoWeeks() {
        node = TestNode.start();
        now = TestNode.now();
        today = DemandDays.dayOf(now);
        scarf = node.newProduct(100);
        node.sell(List.of(new SaleRequest(BUYER, scarf, 2L, now - 10 * DAY, null),
                new SaleRequest(BUYER, scarf, 3L, now - 3 * DAY, null),
                new SaleRequest(BUYER, scarf, 1L, now, null)));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void rollsTheWeeksForwardDayByDayUntilNothingIsLeftInThem() {
        assertThat(week()).containsExactly(List.of(today, 1L, 4L, 2L));

        sweep("productWeekRoll", 1);
        assertThat(week()).as("the day ahead: nothing sold yet today").containsExactly(List.of(today + 1, 0L, 4L, 2L));
        sweep("productWeekRoll", 4);
        assertThat(week()).as("the sale of three days ago is in the week before")
                .containsExactly(List.of(today + 4, 0L, 1L, 3L));
        sweep("productWeekRoll", 13);
        assertThat(week()).containsExactly(List.of(today + 13, 0L, 0L, 1L));
        sweep("productWeekRoll", 14);
        assertThat(week()).as("both weeks empty: the row goes").isEmpty();
    }

    @Test
    void keepsACustomersEntryUntilNoKeptDayHoldsAPurchase() {
        sweep("customerWeekRoll", 20);
        assertThat(rows("SELECT day, bought_7d, bought_prev_7d FROM CUSTOMER_WEEK WHERE customer_id = ?", BUYER))
                .as("a late purchase of a kept day still adds to its days")
                .containsExactly(List.of(today + 20, 0L, 0L));
        sweep("customerWeekRoll", DemandDays.KEPT);
        assertThat(rows("SELECT day FROM CUSTOMER_WEEK WHERE customer_id = ?", BUYER)).isEmpty();
    }

    @Test
    void dropsTheDayRowsOlderThanTheKeptDays() {
        sweep("productDaySweep", DemandDays.KEPT - 9);
        sweep("customerDaySweep", DemandDays.KEPT - 9);

        assertThat(rows("SELECT day FROM PRODUCT_DAY WHERE pid = ? ORDER BY day", scarf))
                .as("ten days ago has left the kept days").containsExactly(List.of(today - 3), List.of(today));
        assertThat(rows("SELECT day FROM CUSTOMER_DAY WHERE customer_id = ? ORDER BY day", BUYER))
                .containsExactly(List.of(today - 3), List.of(today));
    }

    @Test
    void readsThePartitionsOnceADayOnceTheDaysLastTransactionsHaveSettled() {
        Set<Long> sweptAt = ConcurrentHashMap.newKeySet();
        SummarySweep sweep = new SummarySweep(node.ignite(), "test-sweep", GridNames.PRODUCT_DAY_CACHE,
                "SELECT pid, day FROM PRODUCT_DAY WHERE day < ?", 3_600_000, DemandDays::dayOf,
                (rows, at) -> sweptAt.add(at));
        long midnight = (now / DAY + 1) * DAY;
        long settled = midnight + node.ignite().configuration().getTransactionConfiguration().getDefaultTxTimeout()
                / 1000 + 60;

        assertThat(sweep.sweepIfDue(midnight + 5)).as("just after midnight").isTrue();
        assertThat(sweep.sweepIfDue(midnight + 10)).as("a transaction begun yesterday may still commit").isTrue();
        assertThat(sweep.sweepIfDue(settled)).isTrue();
        assertThat(sweep.sweepIfDue(settled + 3_600)).as("swept once the day had settled").isFalse();
        assertThat(sweep.sweepIfDue(midnight + DAY + 3_600)).as("the next day").isTrue();
        assertThat(sweptAt).as("every sweep found the rows of the days before")
                .containsExactlyInAnyOrder(midnight + 5, midnight + 10, settled, midnight + DAY + 3_600);
    }

    private List<List<?>> week() {
        return rows("SELECT day, sold_today, sold_7d, sold_prev_7d FROM PRODUCT_WEEK WHERE pid = ?", scarf);
    }

    private void sweep(String name, long daysLater) {
        node.context().getBean(name, SummarySweep.class).sweep(now + daysLater * DAY);
    }

    private List<List<?>> rows(String sql, Object... args) {
        return node.ignite().cache(GridNames.PRODUCT_CACHE).query(new SqlFieldsQuery(sql).setArgs(args)).getAll();
    }
}
