package com.stockoutradar.grid.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.support.Concurrently;
import com.stockoutradar.grid.support.TestNode;

/**
 * The transaction that records a change also writes the analysts' summaries: the product's day and weeks, the
 * buyer's day and weeks, exact the moment the change is acknowledged, a replay counted once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesSummariesIT {
    private static final long DAY = 86_400;
    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(7_000);
    private TestNode node;

    @BeforeAll
    void start() {
        node = TestNode.start();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void recordsEachStockOutAndTheFirstRestockAfterIt() {
        long now = TestNode.now();
        long lamp = node.newProduct(3);
        List<ChangeReceipt> sales = node.sell(List.of(new SaleRequest(1L, lamp, 2L, now - 50, null),
                new SaleRequest(1L, lamp, 2L, now - 40, null), // 1 to -1: out of stock
                new SaleRequest(1L, lamp, 1L, now - 30, null))); // already out: the same stock-out
        ChangeReceipt restock = node.restock(lamp, 5);
        node.restock(lamp, 1);
        ChangeReceipt second = node.sell(lamp, 4, null); // 4 to 0: out again, no restock yet

        assertThat(rows("SELECT change_id, out_at, restocked_at FROM STOCK_OUT WHERE pid = ? ORDER BY change_id", lamp))
                .containsExactly(List.of(sales.get(1).changeId(), now - 40, restock.timestamp()),
                        Arrays.asList(second.changeId(), second.timestamp(), null));
        assertThat(node.product(lamp).openStockOut()).isEqualTo(second.changeId());
    }

    @Test
    void recordsEachChangeInItsProductsAndItsBuyersDaysAndWeeks() {
        long now = TestNode.now();
        long today = DemandDays.dayOf(now);
        long backpack = node.newProduct(100);
        long mug = node.newProduct(100);
        long anna = NEXT_CUSTOMER.incrementAndGet();
        long ben = NEXT_CUSTOMER.incrementAndGet();
        node.sell(List.of(new SaleRequest(anna, backpack, 3L, now, null),
                new SaleRequest(anna, backpack, 2L, now - 2 * DAY, null),
                new SaleRequest(ben, backpack, 5L, now - 9 * DAY, null),
                new SaleRequest(ben, mug, 1L, now, null)));
        node.restock(backpack, 10);

        assertThat(rows("SELECT day, sold, restocked, changes FROM PRODUCT_DAY WHERE pid = ? ORDER BY day", backpack))
                .containsExactly(List.of(today - 9, 5L, 0L, 1L), List.of(today - 2, 2L, 0L, 1L),
                        List.of(today, 3L, 10L, 2L));
        assertThat(rows("SELECT day, sold_today, sold_7d, restocked_7d, sold_prev_7d, growth FROM PRODUCT_WEEK "
                + "WHERE pid = ?", backpack)).containsExactly(List.of(today, 3L, 5L, 10L, 5L, 1.0));
        assertThat(rows("SELECT sold_7d, sold_prev_7d, growth FROM PRODUCT_WEEK WHERE pid = ?", mug))
                .as("nothing sold the week before: no growth to speak of")
                .containsExactly(Arrays.asList(1L, 0L, null));
        assertThat(rows("SELECT customer_id, day, bought_today, bought_7d, purchases_7d, bought_prev_7d "
                + "FROM CUSTOMER_WEEK WHERE customer_id IN (?, ?) ORDER BY customer_id", anna, ben))
                .containsExactly(List.of(anna, today, 3L, 5L, 2L, 0L), List.of(ben, today, 1L, 1L, 1L, 5L));
        assertThat(rows("SELECT customer_id, day, bought, purchases FROM CUSTOMER_DAY WHERE customer_id IN (?, ?) "
                + "ORDER BY customer_id, day", anna, ben))
                .containsExactly(List.of(anna, today - 2, 2L, 1L), List.of(anna, today, 3L, 1L),
                        List.of(ben, today - 9, 5L, 1L), List.of(ben, today, 1L, 1L));
    }

    @Test
    void countsAReplayedSaleOnce() {
        long now = TestNode.now();
        long lamp = node.newProduct(10);
        long carla = NEXT_CUSTOMER.incrementAndGet();
        SaleRequest order = new SaleRequest(carla, lamp, 4L, now, "summary-order-1");

        assertThat(node.sell(List.of(order)).get(0).replayed()).isFalse();
        assertThat(node.sell(List.of(order)).get(0).replayed()).isTrue();

        assertThat(rows("SELECT sold_7d FROM PRODUCT_WEEK WHERE pid = ?", lamp)).containsExactly(List.of(4L));
        assertThat(rows("SELECT bought_7d, purchases_7d FROM CUSTOMER_WEEK WHERE customer_id = ?", carla))
                .containsExactly(List.of(4L, 1L));
    }

    @Test
    void concurrentBatchesOfTheSameBuyersAndProductsAddUpExactly() throws Exception {
        long now = TestNode.now();
        List<Long> products = List.of(node.newProduct(10_000), node.newProduct(10_000));
        List<Long> buyers = List.of(NEXT_CUSTOMER.incrementAndGet(), NEXT_CUSTOMER.incrementAndGet());
        int threads = 4;
        int rounds = 15;
        Concurrently.run(threads, () -> {
            for (int r = 0; r < rounds; r++) {
                // each batch buys both products for both buyers, in an order that differs between threads
                node.sell(List.of(new SaleRequest(buyers.get(r % 2), products.get(1), 1L, now, null),
                        new SaleRequest(buyers.get((r + 1) % 2), products.get(0), 2L, now - DAY, null)));
            }
            return null;
        });

        long sales = (long) threads * rounds;
        assertThat(rows("SELECT pid, sold_7d FROM PRODUCT_WEEK WHERE pid IN (?, ?) ORDER BY pid",
                products.get(0), products.get(1)))
                .containsExactly(List.of(products.get(0), 2 * sales), List.of(products.get(1), sales));
        assertThat(total("SELECT bought_7d FROM CUSTOMER_WEEK WHERE customer_id IN (?, ?)", buyers))
                .isEqualTo(3 * sales);
        assertThat(total("SELECT purchases_7d FROM CUSTOMER_WEEK WHERE customer_id IN (?, ?)", buyers))
                .isEqualTo(2 * sales);
        assertThat(total("SELECT bought FROM CUSTOMER_DAY WHERE customer_id IN (?, ?)", buyers)).isEqualTo(3 * sales);
    }

    private long total(String sql, List<Long> args) {
        return rows(sql, args.toArray()).stream().mapToLong(row -> (Long) row.get(0)).sum();
    }

    private List<List<?>> rows(String sql, Object... args) {
        return node.ignite().cache(GridNames.PRODUCT_CACHE).query(new SqlFieldsQuery(sql).setArgs(args)).getAll();
    }
}
