package com.stockoutradar.grid.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.stockoutradar.api.ChangeType;

class DemoShopTest {
    static final long NOW = 1_800_000_000L;
    static final long WEEK = 7 * 86_400L;
    final DemoProperties tierOne = new DemoProperties(true, 42, 250, 100, 50, 14);
    final DemoShop shop = new DemoShop(tierOne, NOW);

    @Test
    void hasTheBriefsTierOneSize() {
        assertThat(shop.products).hasSize(250);
        long sales = shop.changes.stream().filter(c -> c.type() == ChangeType.SALE).count();
        assertThat(sales / 14.0).isBetween(40.0, 60.0);
        assertThat(shop.changes).filteredOn(c -> c.type() == ChangeType.RESTOCK).hasSizeGreaterThanOrEqualTo(3);
        assertThat(shop.changes).allSatisfy(c -> assertThat(c.timestamp()).isBetween(NOW - 14 * 86_400, NOW - 1));
        assertThat(shop.changes).filteredOn(c -> c.customerId() != null)
                .allSatisfy(c -> assertThat(c.customerId()).isBetween(1L, 100L));
    }

    @Test
    void sameSeedGivesTheSameShop() {
        assertThat(new DemoShop(tierOne, NOW).changes).isEqualTo(shop.changes);
    }

    @Test
    void stockAfterEachChangeReplaysToTheProductsCurrentStock() {
        Map<Long, Long> lastStockAfter = shop.changes.stream().collect(Collectors.toMap(
                DemoShop.Change::pid, DemoShop.Change::stockAfter, (earlier, later) -> later));
        shop.products.stream().filter(p -> lastStockAfter.containsKey(p.id()))
                .forEach(p -> assertThat(p.stock()).as("product %d", p.id()).isEqualTo(lastStockAfter.get(p.id())));
        assertThat(shop.changes).extracting(DemoShop.Change::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void severalProductsRunOutWithinTheWeekByTheSevenDayRule() {
        long atRisk = shop.products.stream().filter(p -> p.stock() - velocity(p.id()) <= 0).count();
        assertThat(atRisk).isBetween(5L, 20L);
        assertThat(shop.products).anySatisfy(p -> assertThat(p.stock()).isNegative());
    }

    /** The brief's rule: sales minus restocks over the last 7 days. */
    private long velocity(long pid) {
        return shop.changes.stream().filter(c -> c.pid() == pid && c.timestamp() > NOW - WEEK)
                .mapToLong(c -> c.type() == ChangeType.SALE ? c.quantity() : -c.quantity()).sum();
    }
}
