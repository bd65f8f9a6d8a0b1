package com.stockoutradar.web.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeView;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

/**
 * Stop the node, start a new one on the same database: stock, history and event ids are all back, and the grid
 * holds only the retention window while PostgreSQL keeps everything.
 */
class RestartReloadIT {
    static final long WINDOW = 28 * 86_400L;

    @Test
    void newNodeOnTheSameDatabaseGetsStockChangesAndEventIdsBack() {
        Map<String, Object> sameDatabase = Map.of(
                "radar.embedded-postgres.data-directory", "target/it-data/restart-" + UUID.randomUUID());
        long product;
        long oldProduct;
        ChangeReceipt sale;
        long soldAt = Radar.now() - 60;
        ProductView before;
        long selling;
        JsonNode riskBefore;
        try (ConfigurableApplicationContext first = TestApps.startWebApp(sameDatabase)) {
            Radar radar = TestApps.radar(first);
            oldProduct = radar.newProduct(8);
            // history from long ago: one change outside the 28-day window, one just inside it
            long now = Radar.now();
            radar.postgres().update("INSERT INTO inventory_change (id, pid, type, quantity, timestamp, stock_after) "
                    + "VALUES (900000001, ?, 'RESTOCK', 9, ?, 9), (900000002, ?, 'SALE', 1, ?, 8)",
                    oldProduct, now - WINDOW - 86_400, oldProduct, now - WINDOW + 4);
            product = radar.newProduct(100);
            sale = radar.client.sale(new SaleRequest(4L, product, 5L, soldAt, "before-restart"));
            radar.client.restock(new RestockRequest(product, 10L, Radar.now(), null));
            before = radar.client.product(product).orElseThrow();
            assertThat(before.stock()).isEqualTo(105);
            selling = radar.newProduct(10);
            radar.client.sales(List.of(new SaleRequest(5L, selling, 4L, now - 3 * 86_400, null),
                    new SaleRequest(5L, selling, 4L, now - 3600, null)));
            riskBefore = radar.refreshedRisk(selling);
            assertThat(riskBefore.get("riskClass").asText()).isEqualTo("SEED_RULE");
            assertThat(riskBefore.get("sales7d").asLong()).isEqualTo(8);
        } // stopping the node flushes what is still waiting for write-behind

        try (ConfigurableApplicationContext second = TestApps.startWebApp(sameDatabase)) {
            Radar radar = TestApps.radar(second);
            assertThat(radar.client.product(oldProduct).orElseThrow().lastChanges())
                    .as("only the change inside the window comes back into the grid")
                    .extracting(ChangeView::changeId).containsExactly(900000002L);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> radar.client.product(oldProduct).orElseThrow().lastChanges().isEmpty());
            assertThat(radar.changesInPostgres(oldProduct)).as("PostgreSQL keeps all history").isEqualTo(2);

            assertThat(radar.refreshedRisk(selling)).as("days of demand are rebuilt from PostgreSQL")
                    .isEqualTo(riskBefore);

            ProductView after = radar.client.product(product).orElseThrow();
            assertThat(after.stock()).isEqualTo(105);
            assertThat(after.name()).isEqualTo(before.name());
            assertThat(after.lastChanges()).extracting(ChangeView::changeId)
                    .containsExactlyElementsOf(before.lastChanges().stream().map(ChangeView::changeId).toList());

            ChangeReceipt replay = radar.client.sale(new SaleRequest(4L, product, 5L, soldAt, "before-restart"));
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.changeId()).isEqualTo(sale.changeId());
            assertThat(replay.stock()).isEqualTo(95);

            ChangeReceipt next = radar.client.sale(new SaleRequest(4L, product, 1L, Radar.now(), null));
            assertThat(next.changeId()).isGreaterThan(before.lastChanges().get(0).changeId());
            assertThat(next.stock()).isEqualTo(104);
            await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 3);
            assertThat(radar.postgres().queryForList("SELECT id FROM inventory_change WHERE pid = ? ORDER BY id",
                    Long.class, product)).containsExactlyElementsOf(List.of(sale.changeId(),
                    before.lastChanges().get(0).changeId(), next.changeId()));
        }
    }
}
