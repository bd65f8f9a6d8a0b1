package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.support.TestNode;

/**
 * The node's risk ledger follows every committed change of its products and rows, holds after a rebuild from the
 * caches exactly what it held, and a refresh's late fix never sets a row back to a product version ingestion has
 * since replaced. A refresh assesses again only the products that changed since it last did, or whose numbers time
 * may have moved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskLedgerIT {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private TestNode node;
    private Ignite ignite;

    /** What the ledger holds of one product: stock, version, its row's class (null: not on the list). */
    record Held(long stock, long version, String riskClass) {
    }

    @BeforeAll
    void startNode() {
        node = TestNode.start();
        ignite = node.ignite();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void theLedgerFollowsEveryCommitAndARebuildFromTheCachesFindsTheSame() {
        Random random = new Random(11);
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            products.add(node.newProduct(random.nextInt(8)));
        }
        for (int i = 0; i < 300; i++) {
            long product = products.get(random.nextInt(products.size()));
            if (random.nextInt(4) == 0) {
                node.restock(product, 1 + random.nextInt(5));
            } else {
                node.sell(product, 1 + random.nextInt(3), null);
            }
        }

        await().atMost(WITHIN).untilAsserted(() -> assertThat(held(products)).isEqualTo(inCaches(products)));
        Map<Long, Held> followed = held(products);
        RiskLedger.on(ignite).invalidate();
        assertThat(held(products)).as("rebuilt from the caches").isEqualTo(followed);
    }

    @Test
    void aRefreshsFixOfAnOlderProductVersionIsAssessedAgainFromTheLockedProduct() {
        long product = node.newProduct(10);
        node.sell(product, 10, null);
        long version = node.product(product).version();
        await().atMost(WITHIN).until(() -> riskClass(product) != null);
        ProductAssessor assessor = new ProductAssessor(ignite, RiskParameters.asOf(TestNode.now(), 0, 7), false);

        // a refresh that read the product before its last sale found it not at risk
        LiveRiskReconciliation.write(ignite, assessor,
                new ArrayList<>(List.of(new LiveRiskReconciliation.Fix(product, version - 1, null))));

        assertThat(riskClass(product)).as("the row of the product as it is").isEqualTo(RiskClass.OUT_OF_STOCK.name());

        // the same fix of the current version is written as found
        LiveRiskReconciliation.write(ignite, assessor,
                new ArrayList<>(List.of(new LiveRiskReconciliation.Fix(product, version, null))));

        assertThat(riskClass(product)).isNull();
    }

    @Test
    void aRefreshAssessesAgainOnlyTheProductsThatChangedOrWhoseSettingsDid() {
        long idle = node.newProduct(10);
        long sold = node.newProduct(100);
        node.sell(sold, 1, null);
        long outOfStock = node.newProduct(3);
        node.sell(outOfStock, 3, null);
        await().atMost(WITHIN).until(() -> riskClass(outOfStock) != null);

        ScanTotals first = refresh(0);
        ScanTotals again = refresh(0);
        assertThat(again.assessed()).as("products assessed again with nothing changed")
                .isLessThan(first.assessed() - 2);
        assertThat(List.of(again.outOfStock(), again.seedRule(), again.trending()))
                .as("the rows that stood, counted by class")
                .isEqualTo(List.of(first.outOfStock(), first.seedRule(), first.trending()));

        node.sell(sold, 1, null);
        node.restock(idle, 1);
        await().atMost(WITHIN).until(() -> held(List.of(sold)).get(sold).stock() == 98);
        assertThat(refresh(0).assessed()).as("the two products that changed, and those assessed every time")
                .isEqualTo(again.assessed() + 2);

        assertThat(refresh(1).assessed()).as("another threshold: every product again").isEqualTo(first.products());
        refresh(0);
    }

    /** A refresh that brings the list in line, as of now, with threshold {@code threshold}. */
    private ScanTotals refresh(long threshold) {
        return ScanTotals.of(ignite.compute(ignite.cluster().forServers()).execute(new RiskScanTask(),
                new RiskParameters(-1, -1, TestNode.now(), threshold, 7, true)));
    }

    private String riskClass(long product) {
        AtRiskRow row = ignite.<Long, AtRiskRow>cache(GridNames.LIVE_RISK_CACHE).get(product);
        return row == null ? null : row.product(0, product).riskClass().name();
    }

    private Map<Long, Held> inCaches(List<Long> products) {
        Map<Long, Held> held = new HashMap<>();
        for (long pid : products) {
            Product product = node.product(pid);
            held.put(pid, new Held(product.stock(), product.version(), riskClass(pid)));
        }
        return held;
    }

    private Map<Long, Held> held(List<Long> products) {
        Map<Long, Held> held = new HashMap<>();
        for (PartitionLedger ledger : RiskLedger.on(ignite).current()) {
            PartitionLedger.Products snapshot = ledger.products(RiskParameters.asOf(TestNode.now(), 0, 7));
            for (int i = 0; i < snapshot.pids().length; i++) {
                if (products.contains(snapshot.pids()[i])) {
                    AtRiskRow row = snapshot.live()[i];
                    held.put(snapshot.pids()[i], new Held(snapshot.stocks()[i], snapshot.versions()[i],
                            row == null ? null : row.product(0, snapshot.pids()[i]).riskClass().name()));
                }
            }
        }
        return held;
    }
}
