package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The simulated shops: reproducible, mixed, and with a realistic share of stock-outs. */
class DemandSimulatorTest {

    @Test
    void aSeedMakesTheSameShop() {
        List<DemandSimulator.Product> one = DemandSimulator.shop(7, 200);
        List<DemandSimulator.Product> again = DemandSimulator.shop(7, 200);

        for (int i = 0; i < one.size(); i++) {
            assertThat(again.get(i).stock()).isEqualTo(one.get(i).stock());
            assertThat(again.get(i).runsOut()).isEqualTo(one.get(i).runsOut());
            assertThat(again.get(i).history().sales7d()).isEqualTo(one.get(i).history().sales7d());
        }
    }

    @Test
    void aShopHasEveryKindAndAThirdOrSoRunOut() {
        for (long seed = 1; seed <= 3; seed++) {
            List<DemandSimulator.Product> shop = DemandSimulator.shop(seed, 2_000);
            double runOut = shop.stream().filter(DemandSimulator.Product::runsOut).count() / (double) shop.size();

            assertThat(runOut).isBetween(0.2, 0.4);
            assertThat(shop).extracting(DemandSimulator.Product::kind)
                    .contains(DemandSimulator.Kind.values());
            assertThat(shop).filteredOn(p -> p.kind() == DemandSimulator.Kind.IDLE)
                    .noneMatch(DemandSimulator.Product::runsOut);
        }
    }

    @Test
    void aNewProductsHistoryStartsWithItsFirstDelivery() {
        List<DemandSimulator.Product> shop = DemandSimulator.shop(5, 1_000);

        assertThat(shop).filteredOn(p -> p.kind() == DemandSimulator.Kind.NEW)
                .allMatch(p -> p.history().daysObserved() >= 1 && p.history().daysObserved() <= 10);
    }
}
