package com.stockoutradar.grid.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.grid.support.TestNode;
import com.stockoutradar.grid.support.TestPostgres;

/**
 * A node stopped and started again under the same name, on the same work directory, comes back with everything it
 * had from its own disk, without a cold start from PostgreSQL. The proof: changes acknowledged while PostgreSQL was
 * down, which PostgreSQL never had, are in the grid after the restart and still reach PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartOnSameStorageIT {
    private TestPostgres postgres;
    private TestNode node;
    private long product;
    private ChangeReceipt beforeOutage;
    private List<ChangeReceipt> duringOutage;

    @BeforeAll
    void startStopAndStartAgain() {
        postgres = TestPostgres.start();
        Map<String, Object> sameNode = new HashMap<>(postgres.nodeSettings());
        sameNode.put("radar.grid.instance-name", "restart-" + UUID.randomUUID());
        try (TestNode first = TestNode.start(sameNode)) {
            product = first.newProduct(100);
            beforeOutage = first.sell(product, 5, "before-outage");
            first.awaitDelivered(product, 100, List.of(beforeOutage));
            postgres.stop();
            duringOutage = List.of(first.sell(product, 3, "during-outage"), first.restock(product, 20));
        }
        postgres.restart(); // a node needs its PostgreSQL to start, though not its data
        node = TestNode.start(sameNode);
    }

    @AfterAll
    void stop() {
        node.close();
        postgres.close();
    }

    @Test
    void comesBackWithStockAndChangesFromItsOwnDisk() {
        assertThat(node.product(product).stock()).isEqualTo(100 - 5 - 3 + 20);
        assertThat(node.inventory().product(product, 10).orElseThrow().lastChanges())
                .as("changes PostgreSQL did not have when the node started")
                .extracting(ChangeView::changeId)
                .containsExactlyInAnyOrder(beforeOutage.changeId(), duringOutage.get(0).changeId(),
                        duringOutage.get(1).changeId());
    }

    @Test
    void answersARepeatedEventIdWithTheFirstChange() {
        ChangeReceipt first = duringOutage.get(0);
        ChangeReceipt replay = node.sell(List.of(TestNode.sale(product, 3, first.timestamp(), "during-outage"))).get(0);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.changeId()).isEqualTo(first.changeId());
        assertThat(replay.stock()).isEqualTo(100 - 5 - 3);
    }

    @Test
    void continuesChangeIdsAfterEveryIdUsedBeforeTheRestart() {
        ChangeReceipt next = node.sell(node.newProduct(1), 1, null);

        assertThat(next.changeId()).isGreaterThan(duringOutage.get(1).changeId());
    }

    @Test
    void deliversToPostgresWhatWasPendingBeforeTheRestart() {
        node.awaitDelivered(product, 100, List.of(beforeOutage, duringOutage.get(0), duringOutage.get(1)));
    }
}
