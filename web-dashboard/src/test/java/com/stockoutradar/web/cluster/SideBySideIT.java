package com.stockoutradar.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.ignite.Ignite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

/**
 * Two instances of the application started side by side on one machine, each with its own PostgreSQL, data and
 * HTTP port and otherwise the same settings (the same cluster secret too), stay two clusters: neither sees the
 * other's products.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideBySideIT {
    private ConfigurableApplicationContext firstApp;
    private ConfigurableApplicationContext secondApp;
    private Radar first;
    private Radar second;

    @BeforeAll
    void startTwoInstances() {
        firstApp = TestApps.startWebApp(Map.of());
        secondApp = TestApps.startWebApp(Map.of());
        first = TestApps.radar(firstApp);
        second = TestApps.radar(secondApp);
    }

    @AfterAll
    void stopThem() {
        secondApp.close();
        firstApp.close();
    }

    @Test
    void eachIsAClusterOfOneServerNode() {
        assertThat(firstApp.getBean(Ignite.class).cluster().nodes()).hasSize(1);
        assertThat(secondApp.getBean(Ignite.class).cluster().nodes()).hasSize(1);
    }

    @Test
    void aProductCreatedThroughOneIsUnknownToTheOther() {
        long product = first.newProduct(12);

        assertThat(first.get("/inventory/" + product).status()).isEqualTo(200);
        assertThat(second.get("/inventory/" + product).status()).isEqualTo(404);
    }
}
