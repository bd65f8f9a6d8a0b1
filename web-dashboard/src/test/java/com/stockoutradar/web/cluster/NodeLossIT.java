package com.stockoutradar.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.ChildJvm;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.SalesUnderLoad;
import com.stockoutradar.web.TestApps;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Server nodes in processes of their own, the web application joining them as a client, one node killed with
 * SIGKILL: with a backup of every partition nothing acknowledged is lost; without, the lost products are refused
 * (503) and health is DOWN until the node is back with its data.
 */
class NodeLossIT {
    /**
     * The cluster's seeds, listed by every node and the application: a range of its own, where no test node with
     * nothing listed (48500 and up, grid-it.properties) takes a port it would join.
     */
    private static final String SEEDS = "127.0.0.1:48800..48809";
    private final Path directory = Path.of("target/it-data/node-loss-" + UUID.randomUUID()).toAbsolutePath();
    private EmbeddedPostgres postgres;
    private final List<ChildJvm> nodes = new ArrayList<>();
    private ConfigurableApplicationContext app;

    @BeforeEach
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("postgres")).start();
    }

    @AfterEach
    void stopAll() throws IOException {
        if (app != null) {
            app.close();
        }
        nodes.forEach(ChildJvm::close);
        postgres.close();
    }

    @Test
    void withOneBackupAKilledNodeLosesNothingAcknowledged() {
        startCluster(3, 1);
        Radar radar = TestApps.radar(app);
        try (SalesUnderLoad load = SalesUnderLoad.start(radar.client, 1, 40, 4)) {
            load.awaitAcknowledged(2_000);
            nodes.get(1).kill();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.getBean(Ignite.class).cluster().forServers().nodes().size() == 2);
            int beforeMore = load.acknowledged();
            load.awaitAcknowledged(beforeMore + 2_000);
            load.assertKept(new JdbcTemplate(postgres.getPostgresDatabase()), radar.client);
        }
        assertThat(health(radar).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void withoutBackupsLostProductsAreRefusedUntilTheirNodeIsBack() {
        startCluster(2, 0);
        Radar radar = TestApps.radar(app);
        Ignite client = app.getBean(Ignite.class);
        long onKilledNode = -1;
        long onSurvivor = -1;
        Object killedId = client.cluster().forServers().nodes().stream()
                .filter(n -> n.consistentId().toString().endsWith("-2")).findFirst().orElseThrow().consistentId();
        for (long id = 1; onKilledNode < 0 || onSurvivor < 0; id++) {
            radar.client.putProduct(id, new ProductRequest(100L, "Product " + id));
            boolean killed = client.affinity(GridNames.PRODUCT_CACHE).mapKeyToNode(id).consistentId().equals(killedId);
            if (killed && onKilledNode < 0) {
                onKilledNode = id;
            } else if (!killed && onSurvivor < 0) {
                onSurvivor = id;
            }
        }
        radar.client.sale(new SaleRequest(1L, onKilledNode, 5L, Radar.now(), "before-loss"));

        nodes.get(1).kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.cluster().forServers().nodes().size() == 1);
        long lost = onKilledNode;
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.get("/inventory/" + lost).status() == 503);
        Radar.Answer refused = radar.post("/sale", "{\"customerId\":1,\"productId\":" + lost
                + ",\"quantity\":1,\"timestamp\":" + Radar.now() + "}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("lost partitions");
        assertThat(radar.get("/inventory/" + onSurvivor).status()).as("the other node's products").isEqualTo(200);
        JsonNode down = health(radar);
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/components/grid/details/offlineBaselineNodes").toString()).contains("-2");

        nodes.set(1, startNode(2, 0, 1));
        await().atMost(Duration.ofSeconds(60)).until(() -> radar.get("/inventory/" + lost).status() == 200);
        assertThat(radar.client.product(lost).orElseThrow().stock()).as("the data came back from its disk")
                .isEqualTo(95);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(health(radar).get("status").asText()));
    }

    private void startCluster(int size, int backups) {
        // one after another: the first activates the cluster alone, each later one joins its baseline
        for (int n = 1; n <= size; n++) {
            nodes.add(startNode(n, backups, 1));
        }
        app = TestApps.startWebApp(Map.of("radar.grid.client-mode", true, "radar.grid.backups", backups,
                "radar.grid.discovery-addresses", SEEDS,
                "radar.grid.instance-name", "web-" + UUID.randomUUID(),
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "spring.datasource.username", "postgres"));
    }

    private ChildJvm startNode(int node, int backups, int initialNodes) {
        return ChildJvm.start(Path.of(System.getProperty("radar.grid-node.jar")), directory.resolve("node-" + node),
                "Started GridNodeApplication", List.of(
                        "--radar.grid.instance-name=node-" + directory.getFileName() + "-" + node,
                        "--radar.grid.backups=" + backups, "--radar.grid.initial-nodes=" + initialNodes,
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--radar.grid.discovery-port=48800", "--radar.grid.discovery-addresses=" + SEEDS,
                        "--radar.grid.communication-port=48100", "--radar.grid.client-connector-port=10900",
                        "--radar.grid.data-region-size=256MB", "--radar.grid.wal-segment-size=4MB",
                        "--radar.store.poll-every=50ms", "--radar.security.cluster-secret=web-it-cluster"));
    }

    private static JsonNode health(Radar radar) {
        return radar.get("/actuator/health").body();
    }
}
