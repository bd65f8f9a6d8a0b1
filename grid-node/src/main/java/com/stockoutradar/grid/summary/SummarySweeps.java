package com.stockoutradar.grid.summary;

import static com.stockoutradar.api.GridNames.CUSTOMER_DAY_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_DAY_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.STOCK_OUT_CACHE;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.LongUnaryOperator;

import org.apache.ignite.Ignite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.OnServerNode;

/**
 * What keeps the summaries right while time passes with no change to write: each node rolls its weeks forward to the
 * new UTC day once midnight has passed, and drops day rows older than the days products keep ({@link DemandDays}) and
 * stock-outs older than the changes' retention window.
 */
@Configuration(proxyBeanMethods = false)
@OnServerNode
public class SummarySweeps {

    @Bean
    public SummarySweep productWeekRoll(Ignite ignite, GridProperties grid) {
        return new SummarySweep(ignite, "product-week-roll", PRODUCT_WEEK_CACHE,
                "SELECT pid FROM PRODUCT_WEEK WHERE day < ?", grid.retentionSweepEvery().toMillis(),
                DemandDays::dayOf, (rows, now) -> SalesSummaries.on(ignite).rollProducts(firstColumn(rows), now));
    }

    @Bean
    public SummarySweep customerWeekRoll(Ignite ignite, GridProperties grid) {
        return new SummarySweep(ignite, "customer-week-roll", CUSTOMER_WEEK_CACHE,
                "SELECT customer_id FROM CUSTOMER_WEEK WHERE day < ?", grid.retentionSweepEvery().toMillis(),
                DemandDays::dayOf, (rows, now) -> SalesSummaries.on(ignite).rollCustomers(firstColumn(rows), now));
    }

    @Bean
    public SummarySweep productDaySweep(Ignite ignite, GridProperties grid) {
        return oldDays(ignite, grid, "product-day-sweep", PRODUCT_DAY_CACHE,
                "SELECT pid, day FROM PRODUCT_DAY WHERE day < ?", ProductDayKey::new);
    }

    @Bean
    public SummarySweep customerDaySweep(Ignite ignite, GridProperties grid) {
        return oldDays(ignite, grid, "customer-day-sweep", CUSTOMER_DAY_CACHE,
                "SELECT customer_id, day FROM CUSTOMER_DAY WHERE day < ?", CustomerDayKey::new);
    }

    @Bean
    public SummarySweep stockOutSweep(Ignite ignite, GridProperties grid) {
        long retention = grid.retention().toSeconds();
        return oldRows(ignite, grid, "stock-out-sweep", STOCK_OUT_CACHE,
                "SELECT pid, change_id FROM STOCK_OUT WHERE out_at <= ?", now -> now - retention,
                (pid, changeId) -> new InventoryChangeKey(changeId, pid));
    }

    private static SummarySweep oldDays(Ignite ignite, GridProperties grid, String name, String cache,
                                        String dueQuery, BiFunction<Long, Long, Object> key) {
        return oldRows(ignite, grid, name, cache, dueQuery, now -> DemandDays.dayOf(DemandDays.keptSince(now)), key);
    }

    private static SummarySweep oldRows(Ignite ignite, GridProperties grid, String name, String cache, String dueQuery,
                                        LongUnaryOperator dueSince, BiFunction<Long, Long, Object> key) {
        return new SummarySweep(ignite, name, cache, dueQuery, grid.retentionSweepEvery().toMillis(), dueSince,
                // rows no change writes any more, but for an old stock-out's restock: sorted, and a writer retries
                (rows, now) -> {
                    Set<Object> keys = new TreeSet<>();
                    rows.forEach(row -> keys.add(key.apply((Long) row.get(0), (Long) row.get(1))));
                    ignite.cache(cache).removeAll(keys);
                });
    }

    private static Set<Long> firstColumn(List<List<?>> rows) {
        Set<Long> ids = new TreeSet<>();
        rows.forEach(row -> ids.add((Long) row.get(0)));
        return ids;
    }
}
