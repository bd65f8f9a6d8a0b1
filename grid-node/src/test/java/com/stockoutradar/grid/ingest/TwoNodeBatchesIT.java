package com.stockoutradar.grid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.InventoryChangeKey;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.outbox.PendingWriteKey;
import com.stockoutradar.grid.support.Concurrently;
import com.stockoutradar.grid.support.TestNode;

/**
 * Two server nodes in one JVM on one PostgreSQL: a product, its changes and its pending writes live on one node
 * (event ids live where their own key puts them), and a batch spanning both nodes is stored on both or on neither,
 * in the grid and in PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeBatchesIT {
    private static final long STOCK = 10;
    private TestNode first;
    private TestNode second;

    @BeforeAll
    void startCluster() {
        first = TestNode.start();
        second = first.startBeside("second-" + UUID.randomUUID()).awaitItsPartitions();
    }

    @AfterAll
    void stopCluster() {
        second.close();
        first.close();
    }

    @Test
    void aProductItsChangesAndItsPendingWritesLiveOnTheSameNode() throws Exception {
        List<Long> products = productsOnBothNodes(6);
        for (long product : products) {
            first.awaitDelivered(product, STOCK, List.of());
        }
        List<ChangeReceipt> sales = new ArrayList<>();
        try (Connection postgres = first.postgres().getDataSource().getConnection()) {
            // The drainers wait for these rows, so the pending writes stay in the outbox to be looked at.
            postgres.setAutoCommit(false);
            try (PreparedStatement lock = postgres.prepareStatement(
                    "SELECT id FROM product WHERE id = ANY(?) FOR UPDATE")) {
                lock.setArray(1, postgres.createArrayOf("bigint", products.toArray()));
                lock.executeQuery().close();
            }
            for (long product : products) {
                ChangeReceipt sale = first.sell(product, 1, null);
                sales.add(sale);
                Map<String, Object> keys = Map.of(GridNames.PRODUCT_CACHE, product,
                        GridNames.CHANGE_CACHE, new InventoryChangeKey(sale.changeId(), product),
                        GridNames.OUTBOX_CACHE, new PendingWriteKey(product, 2));
                keys.forEach((cache, key) -> {
                    assertThat(peek(owner(product), cache, key)).as("%s on the product's node", cache).isNotNull();
                    assertThat(peek(other(owner(product)), cache, key)).as("%s on the other node", cache).isNull();
                });
            }
            postgres.rollback();
        }
        for (ChangeReceipt sale : sales) {
            first.awaitDelivered(sale.productId(), STOCK, List.of(sale));
        }
    }

    @Test
    void aBatchSpanningBothNodesWithAnUnknownProductStoresNothingOnEither() {
        List<Long> products = productsOnBothNodes(2);
        Map<Long, List<Object>> before = state(products);

        assertThatThrownBy(() -> first.sell(List.of(TestNode.sale(products.get(0), 1, "unknown-1"),
                TestNode.sale(products.get(1), 1, "unknown-2"), TestNode.sale(Long.MAX_VALUE, 1, null))))
                .isInstanceOf(UnknownProductsException.class);

        assertThat(state(products)).isEqualTo(before);
        assertNoEvents("unknown-1", "unknown-2");
        assertNothingReachesPostgres(products, List.of());
    }

    @Test
    void aBatchSpanningBothNodesWithAConflictingEventIdStoresNothingOnEither() {
        List<Long> products = productsOnBothNodes(2);
        ChangeReceipt earlier = first.sell(products.get(0), 1, "order-" + products.get(0));
        Map<Long, List<Object>> before = state(products);

        // the conflict comes last, after both nodes have had their share of the batch written
        assertThatThrownBy(() -> first.sell(List.of(TestNode.sale(products.get(1), 2, "conflict-1"),
                TestNode.sale(products.get(0), 2, "conflict-2"),
                TestNode.sale(products.get(0), 7, earlier.timestamp(), "order-" + products.get(0)))))
                .isInstanceOf(EventIdConflictException.class);

        assertThat(state(products)).isEqualTo(before);
        assertNoEvents("conflict-1", "conflict-2");
        assertNothingReachesPostgres(products, List.of(earlier));
    }

    @Test
    void concurrentBatchesSpanningBothNodesFromBothNodesLeaveStockEqualToHistory() throws Exception {
        List<Long> products = productsOnBothNodes(2);
        AtomicInteger writers = new AtomicInteger();
        List<List<ChangeReceipt>> perThread = Concurrently.run(4, () -> {
            TestNode via = writers.getAndIncrement() % 2 == 0 ? first : second;
            List<ChangeReceipt> receipts = new ArrayList<>();
            for (int round = 0; round < 15; round++) {
                receipts.addAll(via.sell(products.stream().map(p -> TestNode.sale(p, 1, null)).toList()));
                receipts.add(via.restock(products.get(round % 2), 1));
            }
            return receipts;
        });

        Map<Long, List<ChangeReceipt>> recorded = perThread.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(ChangeReceipt::productId));
        for (long product : products) {
            first.awaitDelivered(product, STOCK, recorded.get(product));
        }
    }

    /** At least {@code count} new products with stock {@link #STOCK}, some on each node. */
    private List<Long> productsOnBothNodes(int count) {
        List<Long> products = new ArrayList<>();
        while (products.size() < count || products.stream().map(this::owner).distinct().count() < 2) {
            products.add(first.newProduct(STOCK));
        }
        return products;
    }

    private TestNode owner(long product) {
        return first.isPrimaryFor(product) ? first : second;
    }

    private TestNode other(TestNode node) {
        return node == first ? second : first;
    }

    private static Object peek(TestNode node, String cache, Object key) {
        return node.ignite().cache(cache).localPeek(key, CachePeekMode.ALL);
    }

    /** What the grid holds of each product: stock, version and its changes. */
    private Map<Long, List<Object>> state(List<Long> products) {
        return products.stream().collect(Collectors.toMap(Function.identity(), product -> {
            Product p = first.product(product);
            List<Long> changes = first.inventory().product(product, 100).orElseThrow().lastChanges().stream()
                    .map(ChangeView::changeId).toList();
            return List.of(p.stock(), p.version(), changes);
        }));
    }

    private void assertNoEvents(String... eventIds) {
        for (String eventId : eventIds) {
            assertThat(first.ignite().cache(GridNames.EVENT_CACHE).containsKey(eventId)).as(eventId).isFalse();
        }
    }

    /**
     * PostgreSQL takes a product's versions in order, so if the next change recorded is all it gets after the
     * {@code earlier} one, no write of a refused batch is waiting anywhere to reach it.
     */
    private void assertNothingReachesPostgres(List<Long> products, List<ChangeReceipt> earlier) {
        for (long product : products) {
            List<ChangeReceipt> recorded = new ArrayList<>(
                    earlier.stream().filter(c -> c.productId() == product).toList());
            recorded.add(first.sell(product, 1, null));
            first.awaitDelivered(product, STOCK, recorded);
        }
    }
}
