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
    private TestNode first;
    private TestNode second;

    @BeforeAll
    void start() {
        postgres = TestPostgres.start();
        Map<String, Object> settings = new HashMap<>(postgres.nodeSettings());
        settings.put("radar.store.max-backlog", MAX_BACKLOG);
        first = TestNode.start(settings);
        settings.put("radar.grid.instance-name", "second-" + UUID.randomUUID());
        settings.put("radar.grid.discovery-addresses", first.discoveryAddresses());
        second = TestNode.start(settings).awaitItsPartitions();
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
        postgres.close();
    }

    @Test
    void writesToThePostgresItIsPointedAtAndStartsNoneOfItsOwn() {
        assertThat(first.context().getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        long product = first.newProduct(10);
        ChangeReceipt sale = first.sell(product, 1, null);

        await().atMost(TestNode.DELIVERY).until(() -> new JdbcTemplate(postgres.dataSource()).queryForList(
                "SELECT id FROM inventory_change WHERE pid = ?", Long.class, product).equals(List.of(sale.changeId())));
    }

    @Test
    void changesAcknowledgedDuringAnOutageReachPostgresExactlyOnceWhenItIsBack() {
        long product = first.newProduct(500);
        first.awaitDelivered(product, 500, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(first.sell(product, 1, "outage-" + i));
        }
        await().atMost(TestNode.DELIVERY).untilAsserted(() -> {
            StoreLag lag = first.context().getBean(PostgresLag.class).ofCluster();
            assertThat(lag.rows()).as("pending writes").isEqualTo(20);
            assertThat(lag.lastFailure()).as("why they are pending").isNotNull();
        });
        postgres.restart();

        first.awaitDelivered(product, 500, acknowledged);
        assertThat(acknowledged.get(19).stock()).isEqualTo(480);
    }

    @Test
    void refusesChangesWhilePostgresIsTooFarBehindAndStoresNothingOfThem() {
        long product = first.newProduct(100);
        first.awaitDelivered(product, 100, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < MAX_BACKLOG; i++) {
            acknowledged.add(first.sell(product, 1, null));
        }
        assertThatThrownBy(() -> first.sell(product, 1, "one-too-many"))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("behind");
        assertThat(first.product(product).stock()).isEqualTo(100 - MAX_BACKLOG);
        assertThat(first.product(product).version()).isEqualTo(1 + MAX_BACKLOG);
        assertThat(first.ignite().cache(GridNames.EVENT_CACHE).containsKey("one-too-many")).isFalse();
        assertThat(first.ignite().cache(GridNames.OUTBOX_CACHE).size(CachePeekMode.PRIMARY)).isEqualTo(MAX_BACKLOG);
        postgres.restart();

        first.awaitDelivered(product, 100, acknowledged);
        acknowledged.add(first.sell(product, 1, "one-too-many"));
        assertThat(acknowledged.get(MAX_BACKLOG).replayed()).as("taken once PostgreSQL has caught up").isFalse();
        first.awaitDelivered(product, 100, acknowledged);
    }

    @Test
    void refusesABatchSpanningNodesWhileAnyOfThemIsTooFarBehind() {
        long onFirst = newProductOn(first);
        long onSecond = newProductOn(second);
        first.awaitDelivered(onFirst, 100, List.of());
        first.awaitDelivered(onSecond, 100, List.of());

        postgres.stop();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < MAX_BACKLOG; i++) {
            acknowledged.add(first.sell(onSecond, 1, null));
        }
        // recorded from the node that is not behind, by a transaction that writes on both
        assertThatThrownBy(() -> first.sell(List.of(TestNode.sale(onFirst, 1, null), TestNode.sale(onSecond, 1, null))))
                .isInstanceOf(GridUnavailableException.class).hasMessageContaining("behind");
        assertThat(first.product(onFirst).version()).isEqualTo(1);
        assertThat(first.product(onSecond).version()).isEqualTo(1 + MAX_BACKLOG);
        postgres.restart();

        first.awaitDelivered(onSecond, 100, acknowledged);
        first.awaitDelivered(onFirst, 100, List.of());
    }

    /** A new product whose primary is {@code owner}. */
    private long newProductOn(TestNode owner) {
        long product = first.newProduct(100);
        while (!owner.isPrimaryFor(product)) {
            product = first.newProduct(100);
        }
        return product;
    }
}
