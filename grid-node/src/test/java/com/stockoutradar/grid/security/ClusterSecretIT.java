package com.stockoutradar.grid.security;

import static com.stockoutradar.grid.security.AnalystJdbc.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignition;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.grid.inventory.Product;
import com.stockoutradar.grid.support.TestNode;

/**
 * Nodes join a cluster only with its secret; a node that has it is a full member, and an analyst signed in on one
 * node reads the partitions of the others too (they find the analyst by the subject id the first node sends).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClusterSecretIT {

    @Test
    void aNodeWithAnotherSecretIsRefusedAndTheClusterKeepsItsData(CapturedOutput log) {
        try (TestNode first = TestNode.start()) {
            long product = first.newProduct(20);
            String intruder = "intruder-" + UUID.randomUUID();

            assertThatThrownBy(() -> first.startBeside(intruder,
                    Map.of("radar.security.cluster-secret", "not-this-clusters-secret")).close())
                    .hasStackTraceContaining("The cluster refused this node: its cluster secret did not match");

            assertThat(log).contains("Refused server node " + intruder)
                    .contains("its cluster secret does not match this cluster's");
            assertThat(first.ignite().cluster().nodes()).hasSize(1);
            assertThat(first.product(product).stock()).isEqualTo(20);
            ChangeReceipt sale = first.sell(product, 2, null);
            first.awaitDelivered(product, 20, List.of(sale));
        }
    }

    /** The web application joins as a client node: the same rule. */
    @Test
    void aClientNodeJoinsOnlyWithTheSecret(CapturedOutput log) {
        try (TestNode server = TestNode.start()) {
            long product = server.newProduct(5);
            String intruder = "client-intruder-" + UUID.randomUUID();

            assertThatThrownBy(() -> server.startBeside(intruder, Map.of("radar.grid.client-mode", true,
                    "radar.security.cluster-secret", "not-this-clusters-secret")).close())
                    .hasStackTraceContaining("The cluster refused this node: its cluster secret did not match");
            assertThat(log).contains("Refused client node " + intruder);

            try (TestNode member = server.startBeside("client-" + UUID.randomUUID(),
                    Map.of("radar.grid.client-mode", true))) {
                ChangeReceipt sale = member.sell(product, 1, null);

                assertThat(member.product(product).stock()).isEqualTo(4);
                server.awaitDelivered(product, 5, List.of(sale));
            }
        }
    }

    /** A node that does not find the analyst leaves the query hanging: hence the deadline. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aNodeWithTheSecretJoinsAndAnAnalystReadsBothNodesThroughOne() throws SQLException {
        try (TestNode first = TestNode.start();
             TestNode second = first.startBeside("second-" + UUID.randomUUID()).awaitItsPartitions()) {
            long onFirst = productOn(first);
            long onSecond = productOn(second);

            try (Connection jdbc = AnalystJdbc.signIn(first)) {
                assertThat(rows(jdbc, "SELECT id, stock FROM PRODUCT WHERE id IN (" + onFirst + ", " + onSecond
                        + ") ORDER BY id")).containsExactly(List.of(onFirst, 10L), List.of(onSecond, 10L));
            }
            try (IgniteClient client = Ignition.startClient(new ClientConfiguration()
                    .setAddresses("127.0.0.1:" + first.clientConnectorPort())
                    .setUserName(AnalystJdbc.USER).setUserPassword(AnalystJdbc.PASSWORD))) {
                ClientCache<Long, Product> products = client.cache(GridNames.PRODUCT_CACHE);

                assertThat(products.get(onSecond).stock()).isEqualTo(10L);
            }
        }
    }

    /** A new product whose primary copy is on this node. */
    private static long productOn(TestNode node) {
        long product;
        do {
            product = node.newProduct(10);
        } while (!node.isPrimaryFor(product));
        return product;
    }
}
