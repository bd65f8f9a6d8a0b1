package com.stockoutradar.web.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The application pointed at a PostgreSQL it did not start ({@code spring.datasource.url}): every acknowledged
 * change lands in {@code inventory_change} exactly once, also when that server goes away for a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalPostgresIT {
    private final Path dataDirectory = Path.of("target/it-data/external-" + UUID.randomUUID());
    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;
    private Radar radar;

    @BeforeAll
    void start() throws IOException {
        postgres = startPostgres(0);
        app = TestApps.startWebApp(Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.hikari.connection-timeout", "2000"));
        radar = TestApps.radar(app);
    }

    @AfterAll
    void stop() throws IOException {
        app.close();
        postgres.close();
    }

    @Test
    void startsNoPostgresOfItsOwnAndWritesEveryChangeExactlyOnce() {
        assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        long product = radar.newProduct(1_000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(radar.client.sale(new SaleRequest(1L, product, 2L, Radar.now(), null)).changeId());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 50);
        assertThat(radar.postgres().queryForList("SELECT id FROM inventory_change WHERE pid = ? ORDER BY id",
                Long.class, product)).containsExactlyElementsOf(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(900).equals(radar.stockInPostgres(product)));
    }

    @Test
    void survivesAPostgresOutageWithoutLosingOrDuplicatingChanges() throws Exception {
        long product = radar.newProduct(500);
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.stockInPostgres(product) != null);
        int port = postgres.getPort();

        postgres.close();
        List<ChangeReceipt> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acknowledged.add(radar.client.sale(new SaleRequest(2L, product, 1L, Radar.now(), "outage-" + i)));
        }
        Thread.sleep(2_000); // several failed flushes
        postgres = startPostgres(port);

        await().atMost(Duration.ofSeconds(60)).until(() -> radar.changesInPostgres(product) == 20);
        assertThat(radar.postgres().queryForList("SELECT event_id FROM inventory_change WHERE pid = ?",
                String.class, product)).hasSize(20).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(480).equals(radar.stockInPostgres(product)));
        assertThat(acknowledged).extracting(ChangeReceipt::stock).last().isEqualTo(480L);
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
