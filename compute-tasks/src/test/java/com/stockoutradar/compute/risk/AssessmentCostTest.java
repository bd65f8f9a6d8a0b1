package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What an assessment costs a product, before and after the demand forecast, on simulated shops: printed, not
 * asserted (the machine may be busy). Not a benchmark harness; a rough figure, best of some rounds, for the whole
 * shop and by kind of product, the product's standing and the assessment's parts.
 */
class AssessmentCostTest {
    private static final int ROUNDS = 7;

    @Test
    void printsTheCostOfAnAssessment() {
        List<DemandSimulator.Product> products = new ArrayList<>();
        for (long seed = 201; seed <= 204; seed++) {
            products.addAll(DemandSimulator.shop(seed, 5_000));
        }
        Map<String, List<DemandSimulator.Product>> groups = new LinkedHashMap<>();
        groups.put("all (warming up)", products);
        groups.put("all", products);
        for (DemandSimulator.Product p : products) {
            RiskParameters parameters = RiskParameters.asOf(p.history().now(), 0, 7);
            boolean atRisk = RiskModel.assess(p.stock(), p.history(), parameters).atRisk();
            groups.computeIfAbsent(kind(p.history()) + (atRisk ? ", at risk" : ", not at risk"),
                    k -> new ArrayList<>()).add(p);
        }
        long[] sink = new long[1];
        groups.forEach((group, members) -> {
            double before = best(members, p -> LinearTrendBaseline.flags(p.stock(), p.history(), 0, 7) ? 1 : 0);
            double fit = best(members, p -> DemandForecast.of(p.history()).dailyDemand() > 1 ? 1 : 0);
            double probability = best(members, p -> DemandForecast.of(p.history())
                    .probabilityOfStockOut(p.stock(), 7) > 0.5 ? 1 : 0);
            double after = best(members, p -> RiskModel.assess(p.stock(), p.history(),
                    RiskParameters.asOf(p.history().now(), 0, 7)).atRisk() ? 1 : 0);
            double refresh = best(members, p -> RiskModel.assessIfAtRisk(p.stock(), p.history(),
                    RiskParameters.asOf(p.history().now(), 0, 7)) != null ? 1 : 0);
            System.out.printf("%-34s %6d: rule+linear trend %4.0f ns; forecast: assess %5.0f ns (fit %4.0f,"
                    + " exact tail %4.0f), assessIfAtRisk (a refresh's) %5.0f ns%n", group, members.size(), before,
                    after, fit, probability - fit, refresh);
            sink[0] += members.size();
        });
        System.out.printf("per product, best of %d rounds  [%d]%n", ROUNDS, sink[0]);
    }

    private static String kind(DemandHistory history) {
        if (history.sales7d() == 0 && sold(history) == 0) {
            return "no sales in 28 days";
        }
        return IntermittentDemand.fits(history) ? "lumpy" : "steady";
    }

    private static long sold(DemandHistory history) {
        long units = 0;
        for (int daysAgo = 0; daysAgo <= RiskParameters.HISTORY_DAYS; daysAgo++) {
            units += history.unitsSold(daysAgo);
        }
        return units;
    }

    private interface Work {
        int on(DemandSimulator.Product product);
    }

    /** The best ns per product of some rounds. */
    private static double best(List<DemandSimulator.Product> products, Work work) {
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            for (DemandSimulator.Product p : products) {
                sink += work.on(p);
            }
            best = Math.min(best, (System.nanoTime() - started) / (double) products.size());
        }
        return sink < 0 ? -1 : best;
    }
}
