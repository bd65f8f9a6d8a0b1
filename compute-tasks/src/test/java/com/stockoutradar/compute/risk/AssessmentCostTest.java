package com.stockoutradar.compute.risk;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What an assessment costs a product, before and after the demand forecast, on simulated shops: printed, not
 * asserted (the machine may be busy). Not a benchmark harness; a rough figure.
 */
class AssessmentCostTest {
    private static final int ROUNDS = 5;

    @Test
    void printsTheCostOfAnAssessment() {
        List<DemandSimulator.Product> products = new ArrayList<>();
        for (long seed = 201; seed <= 204; seed++) {
            products.addAll(DemandSimulator.shop(seed, 5_000));
        }
        long sink = 0;
        double before = Double.MAX_VALUE;
        double after = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            for (DemandSimulator.Product p : products) {
                sink += LinearTrendBaseline.flags(p.stock(), p.history(), 0, 7) ? 1 : 0;
            }
            before = Math.min(before, (System.nanoTime() - started) / (double) products.size());
            started = System.nanoTime();
            for (DemandSimulator.Product p : products) {
                RiskParameters parameters = RiskParameters.asOf(p.history().now(), 0, 7);
                sink += RiskModel.assess(p.stock(), p.history(), parameters).atRisk() ? 1 : 0;
            }
            after = Math.min(after, (System.nanoTime() - started) / (double) products.size());
        }
        System.out.printf("assessment per product, best of %d rounds over %d products: linear trend (before) %.0f ns,"
                + " demand forecast (after) %.0f ns  [%d]%n", ROUNDS, products.size(), before, after, sink);
    }
}
