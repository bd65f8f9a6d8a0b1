package com.stockoutradar.grid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.stockoutradar.grid.support.TestNode;

/**
 * Instances on one machine meet only on purpose. A node with no discovery addresses is a cluster of its own, also
 * beside another with the same settings and the same cluster secret; a node with seed addresses joins the cluster
 * found there and no other. Each logs the cluster it joined.
 */
@ExtendWith(OutputCaptureExtension.class)
class DiscoveryIsolationIT {

    @Test
    void twoNodesStartedSideBySideWithNothingConfiguredStayTwoClusters(CapturedOutput log) {
        try (TestNode first = TestNode.start(); TestNode second = TestNode.start()) {
            long product = first.newProduct(7);

            assertThat(first.ignite().cluster().nodes()).hasSize(1);
            assertThat(second.ignite().cluster().nodes()).hasSize(1);
            assertThat(second.discoveryAddresses()).as("the first took the port, the second the next free one")
                    .isNotEqualTo(first.discoveryAddresses());
            assertThat(second.product(product)).as("a product of the first, on the second").isNull();
            assertThat(first.product(product).stock()).isEqualTo(7);
            assertThat(log).contains("joined an active cluster of 1 node (1 server, 0 clients): " + name(second)
                    + " " + second.discoveryAddresses() + " (this node)");
        }
    }

    @Test
    void aNodeWithSeedAddressesJoinsTheClusterThereAndNoOther(CapturedOutput log) {
        try (TestNode seed = TestNode.start(); TestNode bystander = TestNode.start();
             TestNode joining = seed.startBeside("joining-" + UUID.randomUUID())) {
            assertThat(joining.ignite().cluster().nodes()).extracting(node -> node.consistentId())
                    .containsExactlyInAnyOrder(name(seed), name(joining));
            assertThat(bystander.ignite().cluster().nodes()).hasSize(1);
            assertThat(log).contains("joined an active cluster of 2 nodes (2 servers, 0 clients): " + name(seed)
                    + " " + seed.discoveryAddresses() + ", " + name(joining) + " " + joining.discoveryAddresses()
                    + " (this node)");
        }
    }

    @Test
    void aClientNodeWithoutSeedAddressesIsRefusedAtStart() {
        assertThatThrownBy(() -> TestNode.start(Map.of("radar.grid.client-mode", true)).close())
                .hasStackTraceContaining("radar.grid.client-mode needs radar.grid.discovery-addresses");
    }

    private static Object name(TestNode node) {
        return node.ignite().cluster().localNode().consistentId();
    }
}
