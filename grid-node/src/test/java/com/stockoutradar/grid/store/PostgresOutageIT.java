package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.ignite.cache.CachePeekMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.grid.cluster.GridUnavailableException;
import com.stockoutradar.grid.support.TestNode;
import com.stockoutradar.grid.support.TestPostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes on a PostgreSQL they did not start ({@code spring.datasource.url}), which goes away for a while: the
 * grid keeps acknowledging changes, up to a backlog per node, and PostgreSQL gets every one of them exactly once
 * when it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageIT {
    /** Small, so that a test reaches it with a few changes; each test leaves nothing pending behind it. */
    private static final int MAX_BACKLOG = 25;
    private TestPostgres postgres;
    private TestNode node;
    private TestNode second;

    @BeforeAll
    void start() {
        postgres = TestPostgres.start();
        Map<String, Object> settings = new HashMap<>(postgres.nodeSettings());
        settings.put("radar.store.max-backlog", MAX_BACKLOG);
        node = TestNode.start(settings);
        settings.put("radar.grid.instance-name", "second-" + UUID.randomUUID());
        second = TestNode.start(settings);
        // the second node takes over its partitions once it has them
        await().atMost(TestNode.DELIVERY).until(() -> node.ignite().affinity(GridNames.PRODUCT_CACHE)
                .primaryPartitions(second.ignite().cluster().localNode()).length > 0);
    }

    @AfterAll
    void stop() {
        second.close();
        node.close();
        postgres.close();
    }

    @Test
    void writesToThePostgresItIsPointedAtAndStartsNoneOfItsOwn() {
        assertThat(node.context().getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        long product = node.newProduct(10);
        ChangeReceipt sale = node.sell(product, 1, null);

        await().atMost(TestNode.DELIVERY).until(() -> new JdbcTemplate(postgres.dataSource()).queryForList(
                "SELECT id FROM inventory_change WHERE pid = ?", Long.class, product).equals(List.of(sale.changeId())));
    }

    @Test
    void changesAcknowledgedDuringAnOutageReachPostgresExactlyOnceWhenItIsBack() {
        long product = node.newProduct(500);
        node.awaitDelivered(product, 500, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(node.sell(product, 1, "outage-" + i));
        }
        await().atMost(TestNode.DELIVERY).untilAsserted(() -> {
            StoreLag lag = node.context().getBean(PostgresLag.class).ofCluster();
            assertThat(lag.rows()).as("pending writes").isEqualTo(20);
            assertThat(lag.lastFailure()).as("why they are pending").isNotNull();
        });
        postgres.restart();

        node.awaitDelivered(product, 500, acknowledged);
        assertThat(acknowledged.get(19).stock()).isEqualTo(480);
    }

    @Test
    void refusesChangesWhilePostgresIsTooFarBehindAndStoresNothingOfThem() {
        long product = node.newProduct(100);
        node.awaitDelivered(product, 100, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < MAX_BACKLOG; i++) {
            acknowledged.add(node.sell(product, 1, null));
        }
        assertThatThrownBy(() -> node.sell(product, 1, "one-too-many"))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("behind");
        assertThat(node.product(product).stock()).isEqualTo(100 - MAX_BACKLOG);
        assertThat(node.product(product).version()).isEqualTo(1 + MAX_BACKLOG);
        assertThat(node.ignite().cache(GridNames.EVENT_CACHE).containsKey("one-too-many")).isFalse();
        assertThat(node.ignite().cache(GridNames.OUTBOX_CACHE).size(CachePeekMode.PRIMARY)).isEqualTo(MAX_BACKLOG);
        postgres.restart();

        node.awaitDelivered(product, 100, acknowledged);
        acknowledged.add(node.sell(product, 1, "one-too-many"));
        assertThat(acknowledged.get(MAX_BACKLOG).replayed()).as("taken once PostgreSQL has caught up").isFalse();
        node.awaitDelivered(product, 100, acknowledged);
    }

    @Test
    void refusesABatchSpanningNodesWhileAnyOfThemIsTooFarBehind() {
        long onFirst = newProductOn(node);
        long onSecond = newProductOn(second);
        node.awaitDelivered(onFirst, 100, List.of());
        node.awaitDelivered(onSecond, 100, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < MAX_BACKLOG; i++) {
            acknowledged.add(node.sell(onSecond, 1, null));
        }
        // recorded from the node that is not behind, by a transaction that writes on both
        assertThatThrownBy(() -> node.sell(List.of(TestNode.sale(onFirst, 1, null), TestNode.sale(onSecond, 1, null))))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("behind");
        assertThat(node.product(onFirst).version()).isEqualTo(1);
        assertThat(node.product(onSecond).version()).isEqualTo(1 + MAX_BACKLOG);
        postgres.restart();

        node.awaitDelivered(onSecond, 100, acknowledged);
        node.awaitDelivered(onFirst, 100, List.of());
    }

    /** A new product whose primary is {@code owner}. */
    private long newProductOn(TestNode owner) {
        UUID ownerId = owner.ignite().cluster().localNode().id();
        while (true) {
            long product = node.newProduct(100);
            if (node.ignite().affinity(GridNames.PRODUCT_CACHE).mapKeyToNode(product).id().equals(ownerId)) {
                return product;
            }
        }
    }
}
