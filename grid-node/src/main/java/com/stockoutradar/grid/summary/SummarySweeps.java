package com.stockoutradar.grid.summary;

import static com.stockoutradar.api.GridNames.CUSTOMER_DAY_CACHE;
import static com.stockoutradar.api.GridNames.CUSTOMER_WEEK_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_DAY_CACHE;
import static com.stockoutradar.api.GridNames.PRODUCT_WEEK_CACHE;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.apache.ignite.Ignite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.GridProperties;
import com.stockoutradar.grid.OnServerNode;

/**
 * What keeps the summaries right while time passes with no change to write: each node rolls its weeks forward to the
 * new UTC day once midnight has passed, and drops day rows older than the days products keep ({@link DemandDays}).
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

    private static SummarySweep oldDays(Ignite ignite, GridProperties grid, String name, String cache,
                                        String dueQuery, BiFunction<Long, Long, Object> key) {
        return new SummarySweep(ignite, name, cache, dueQuery, grid.retentionSweepEvery().toMillis(),
                now -> DemandDays.dayOf(DemandDays.keptSince(now)),
                // days no change can reach any more (older than the retention window): nobody else locks them
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
