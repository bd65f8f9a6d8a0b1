package com.stockoutradar.grid.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.compute.risk.RiskParameters;
import com.stockoutradar.compute.risk.StoredFields;
import com.stockoutradar.grid.support.TestNode;

/**
 * What only time changes reaches {@code LIVE_RISK} within seconds, without a refresh: each product is assessed again
 * when its numbers next change by time alone, and a product whose numbers never do is never reviewed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskReviewIT {
    private static final long LEAVES_IN = 5;

    private TestNode node;
    private IgniteCache<Long, BinaryObject> live;
    private IgniteCache<Long, RiskReview> reviews;

    @BeforeAll
    void startNode() {
        node = TestNode.start(Map.of("radar.risk.review-every", "1s"));
        live = node.ignite().cache(GridNames.LIVE_RISK_CACHE).withKeepBinary();
        reviews = node.ignite().cache(GridNames.RISK_REVIEW_CACHE);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void aProductLeavesTheListWhenTheSaleThatPutItThereLeavesTheWindow() {
        long product = node.newProduct(5);
        long soldAt = TestNode.now() - RiskParameters.WINDOW_SECONDS + LEAVES_IN;

        node.sell(List.of(TestNode.sale(product, 3, soldAt, null))); // stock 2 ≤ 3 sold in the window

        assertThat(live.get(product).<String>field(StoredFields.RISK_CLASS)).isEqualTo(RiskClass.SEED_RULE.name());
        assertThat(reviews.get(product).reviewAt()).isEqualTo(soldAt + RiskParameters.WINDOW_SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> !live.containsKey(product));
    }

    @Test
    void aProductWithoutSalesIsNeverReviewed() {
        long product = node.newProduct(10);

        assertThat(reviews.containsKey(product)).isFalse();
    }
}
