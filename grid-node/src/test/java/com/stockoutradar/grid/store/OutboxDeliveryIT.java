package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.grid.support.Concurrently;
import com.stockoutradar.grid.support.TestNode;

/**
 * Everything the grid acknowledges reaches PostgreSQL through the outbox exactly once: every change, and each
 * product row at its newest version with the stock its history adds up to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxDeliveryIT {
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
    void everyRecordedChangeReachesPostgresExactlyOnceWithTheProductAtItsNewestVersion() {
        long shirt = node.newProduct(100);
        long mug = node.newProduct(50);
        List<ChangeReceipt> shirtChanges = new ArrayList<>();
        shirtChanges.add(node.sell(shirt, 3, null));
        // the replay carries the same payload, so the same second even if the clock has moved on
        SaleRequest order = TestNode.sale(shirt, 2, TestNode.now(), "order-1");
        shirtChanges.add(node.sell(List.of(order)).get(0));
        shirtChanges.add(node.restock(shirt, 40));
        List<ChangeReceipt> batch = node.sell(List.of(TestNode.sale(shirt, 1, null), TestNode.sale(mug, 5, null),
                TestNode.sale(mug, 5, "order-2")));
        shirtChanges.add(batch.get(0));
        ChangeReceipt replay = node.sell(List.of(order)).get(0);

        assertThat(replay.replayed()).as("a repeated event id is a replay").isTrue();
        node.awaitDelivered(shirt, 100, shirtChanges);
        node.awaitDelivered(mug, 50, batch.subList(1, 3));
        StoreLag lag = node.context().getBean(PostgresLag.class).ofCluster();
        assertThat(lag.rows()).as("nothing left behind").isZero();
        assertThat(lag.lastFailure()).isNull();
    }

    @Test
    void settingStockReachesPostgresAsTheProductsNextVersion() {
        long lamp = node.newProduct(10);
        ChangeReceipt sale = node.sell(lamp, 4, null);
        node.awaitDelivered(lamp, 10, List.of(sale));

        assertThat(node.inventory().set(lamp, 75, null)).as("an existing product is set, not created").isFalse();

        await().atMost(TestNode.DELIVERY).until(() -> List.of(75L, 3L).equals(node.rowInPostgres(lamp)));
        assertThat(node.changeIdsInPostgres(lamp)).containsExactly(sale.changeId());
    }

    @Test
    void concurrentWritersOnTheSameProductsLoseNoChangeAndStoreNoneTwice() throws Exception {
        List<Long> products = List.of(node.newProduct(10_000), node.newProduct(10_000), node.newProduct(10_000));
        int threads = 4;
        int rounds = 20;
        List<List<ChangeReceipt>> perThread = Concurrently.run(threads, () -> {
            List<ChangeReceipt> receipts = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (long product : products) {
                    receipts.add(node.sell(product, 1, null));
                }
                receipts.addAll(node.sell(products.stream().map(p -> TestNode.sale(p, 2, null)).toList()));
                receipts.add(node.restock(products.get(r % products.size()), 5));
            }
            return receipts;
        });

        Map<Long, List<ChangeReceipt>> recorded = perThread.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(ChangeReceipt::productId));
        for (long product : products) {
            node.awaitDelivered(product, 10_000, recorded.get(product));
        }
    }
}
