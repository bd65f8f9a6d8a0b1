package com.stockoutradar.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.stockoutradar.api.BatchReceipt;
import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.Concurrently;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;

@GridIntegrationTest
class SaleIngestionIT {
    @Autowired
    Radar radar;
    @Autowired
    JdbcTemplate postgres;

    @Test
    void recordsSaleAndDecrementsStockThenWritesItBehindToPostgres() {
        long product = radar.newProduct(10);
        long now = Radar.now();

        ChangeReceipt receipt = radar.client.sale(new SaleRequest(7L, product, 3L, now, null));

        assertThat(receipt.stock()).isEqualTo(7);
        assertThat(receipt.type()).isEqualTo(ChangeType.SALE);
        assertThat(receipt.replayed()).isFalse();
        ProductView view = radar.client.product(product).orElseThrow();
        assertThat(view.stock()).isEqualTo(7);
        assertThat(view.lastChanges()).singleElement().satisfies(change -> {
            assertThat(change.changeId()).isEqualTo(receipt.changeId());
            assertThat(change.customerId()).isEqualTo(7L);
            assertThat(change.stockAfter()).isEqualTo(7);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 1
                && Long.valueOf(7).equals(radar.stockInPostgres(product)));
        Map<String, Object> row = postgres.queryForMap("SELECT * FROM inventory_change WHERE pid = ?", product);
        assertThat(row).containsEntry("id", receipt.changeId()).containsEntry("type", "SALE")
                .containsEntry("quantity", 3L).containsEntry("timestamp", now).containsEntry("customer_id", 7L)
                .containsEntry("stock_after", 7L);
    }

    @Test
    void restockIncrementsStock() {
        long product = radar.newProduct(2);

        ChangeReceipt receipt = radar.client.restock(new RestockRequest(product, 40L, Radar.now(), null));

        assertThat(receipt.type()).isEqualTo(ChangeType.RESTOCK);
        assertThat(receipt.stock()).isEqualTo(42);
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(42);
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(42).equals(radar.stockInPostgres(product)));
    }

    @Test
    void saleIsNeverRefusedForLackOfStockSoStockCanGoNegative() {
        long product = radar.newProduct(1);

        ChangeReceipt receipt = radar.client.sale(new SaleRequest(1L, product, 5L, Radar.now(), null));

        assertThat(receipt.stock()).isEqualTo(-4);
    }

    @Test
    void batchRecordsEverySaleInOrderWithRunningStock() {
        long first = radar.newProduct(100);
        long second = radar.newProduct(50);
        long now = Radar.now();
        List<SaleRequest> sales = List.of(
                new SaleRequest(1L, first, 1L, now - 30, null),
                new SaleRequest(2L, second, 5L, now - 20, null),
                new SaleRequest(3L, first, 2L, now - 10, null));

        BatchReceipt receipt = radar.client.sales(sales);

        assertThat(receipt.count()).isEqualTo(3);
        assertThat(receipt.changes()).extracting(ChangeReceipt::productId).containsExactly(first, second, first);
        assertThat(receipt.changes()).extracting(ChangeReceipt::stock).containsExactly(99L, 45L, 97L);
        assertThat(receipt.changes()).extracting(ChangeReceipt::changeId).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(first) == 2
                && radar.changesInPostgres(second) == 1 && Long.valueOf(97).equals(radar.stockInPostgres(first)));
    }

    @Test
    void repeatedEventIdIsStoredOnceAndAnswersTheFirstResult() {
        long product = radar.newProduct(20);
        SaleRequest sale = new SaleRequest(3L, product, 4L, Radar.now(), "order-17-line-1");

        ChangeReceipt first = radar.client.sale(sale);
        ChangeReceipt again = radar.client.sale(sale);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.changeId()).isEqualTo(first.changeId());
        assertThat(again.stock()).isEqualTo(16);
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(16);
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 1);
    }

    @Test
    void idempotencyKeyHeaderWorksLikeAnEventId() {
        long product = radar.newProduct(20);
        String sale = "{\"customerId\":1,\"productId\":" + product + ",\"quantity\":2,\"timestamp\":" + Radar.now() + "}";

        Radar.Answer first = radar.post("/sale", sale, Map.of("Idempotency-Key", "k-" + product));
        Radar.Answer again = radar.post("/sale", sale, Map.of("Idempotency-Key", "k-" + product));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("changeId")).isEqualTo(first.body().get("changeId"));
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(18);
    }

    @Test
    void concurrentRequestsWithOneEventIdStoreOneChange() throws Exception {
        long product = radar.newProduct(100);
        SaleRequest sale = new SaleRequest(9L, product, 1L, Radar.now(), "concurrent-" + product);
        List<ChangeReceipt> receipts = Concurrently.run(8, () -> radar.client.sale(sale));

        assertThat(receipts).extracting(ChangeReceipt::changeId).containsOnly(receipts.get(0).changeId());
        assertThat(receipts).filteredOn(r -> !r.replayed()).hasSize(1);
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(99);
        assertThat(radar.client.product(product).orElseThrow().lastChanges()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 1);
    }

    @Test
    void concurrentSalesOfOneProductLeaveExactlyStockMinusN() throws Exception {
        long product = radar.newProduct(1_000);
        int threads = 6;
        int salesEach = 50;

        Concurrently.run(threads, () -> {
            for (int i = 0; i < salesEach; i++) {
                radar.client.sale(new SaleRequest(1L, product, 1L, Radar.now(), null));
            }
            return null;
        });

        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(1_000 - threads * salesEach);
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == threads * salesEach
                && Long.valueOf(1_000 - threads * salesEach).equals(radar.stockInPostgres(product)));
    }

    @Test
    void howFarPostgresIsBehindShowsInHealthAndOnTheDashboard() {
        long product = radar.newProduct(10);
        radar.client.sale(new SaleRequest(1L, product, 1L, Radar.now(), null));

        radar.awaitPostgresCaughtUp();

        Radar.Answer health = radar.get("/actuator/health");
        assertThat(health.body().at("/components/grid/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/grid/details/postgres/lagRows").asLong()).isZero();
        assertThat(health.body().at("/components/grid/details/lostPartitions").size()).isZero();
        assertThat(radar.text("/")).contains("PostgreSQL history:").contains("up to date");
        assertThat(radar.get("/actuator/metrics/radar.postgres.lag.rows").body().at("/measurements/0/value").asDouble())
                .isZero();
    }
}
