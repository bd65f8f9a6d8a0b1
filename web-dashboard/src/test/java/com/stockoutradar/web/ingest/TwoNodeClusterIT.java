package com.stockoutradar.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cluster.ClusterNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.Concurrently;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

/**
 * Two server nodes in one JVM, the web application's and a bare grid node, sharing one PostgreSQL: sales over HTTP
 * for products on both nodes at once. (Colocation and all-or-nothing batches: grid-node's TwoNodeBatchesIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterIT {
    private ConfigurableApplicationContext app;
    private ConfigurableApplicationContext secondNode;
    private Radar radar;
    private Ignite ignite;

    @BeforeAll
    void startCluster() {
        app = TestApps.startWebApp(Map.of());
        secondNode = TestApps.startGridNodeBeside(app, "second-node");
        radar = TestApps.radar(app);
        ignite = app.getBean(Ignite.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> ignite.cluster().forServers().nodes().size() == 2);
    }

    /** Both nodes stop at once, so that neither works on while the other is half gone. */
    @AfterAll
    void stopCluster() {
        Ignition.stopAll(true);
        secondNode.close();
        app.close();
    }

    @Test
    void concurrentSalesAndBatchesAcrossNodesLeaveExactlyStockMinusN() throws Exception {
        List<Long> products = new ArrayList<>();
        Map<ClusterNode, Integer> owners = new HashMap<>();
        while (owners.size() < 2 || products.size() < 4) {
            long product = radar.newProduct(10_000);
            products.add(product);
            owners.merge(ignite.affinity(GridNames.PRODUCT_CACHE).mapKeyToNode(product), 1, Integer::sum);
        }
        int threads = 4;
        int rounds = 25;
        Concurrently.run(threads, () -> {
            for (int r = 0; r < rounds; r++) {
                for (long product : products) {
                    radar.client.sale(new SaleRequest(1L, product, 1L, Radar.now(), null));
                }
                radar.client.sales(products.stream()
                        .map(product -> new SaleRequest(2L, product, 2L, Radar.now(), null)).toList());
            }
            return null;
        });
        long soldEach = (long) threads * rounds * (1 + 2);
        for (long product : products) {
            assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(10_000 - soldEach);
        }
        for (long product : products) {
            await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == threads * rounds * 2
                    && Long.valueOf(10_000 - soldEach).equals(radar.stockInPostgres(product)));
        }
    }
}
