package com.stockoutradar.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.ignite.Ignite;
import org.apache.ignite.transactions.Transaction;
import org.apache.ignite.transactions.TransactionConcurrency;
import org.apache.ignite.transactions.TransactionIsolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.Limits;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestApps;

/**
 * Well-formed changes the grid refuses, each with a problem naming the field and nothing stored: an event id sent
 * again with another payload (409), a stock pushed past its bound (422), products locked for longer than the
 * transaction timeout (503 with Retry-After).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedChangesIT {
    private ConfigurableApplicationContext app;
    private Radar radar;

    @BeforeAll
    void start() {
        app = TestApps.startWebApp(Map.of("radar.grid.transaction-timeout", "300ms"));
        radar = TestApps.radar(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anEventIdSentAgainWithAnotherPayloadIsAConflictNamingTheFirstChange() {
        long product = radar.newProduct(50);
        long now = Radar.now();
        ChangeReceipt first = radar.client.sale(new SaleRequest(3L, product, 2L, now, "order-7-line-1"));

        Radar.Answer single = radar.post("/sale", sale(product, 5, now, "order-7-line-1"));
        Radar.Answer inBatch = radar.post("/sales", "[" + sale(product, 1, now, "fresh-" + product) + ","
                + sale(product, 5, now, "order-7-line-1") + "]");

        assertThat(single.status()).isEqualTo(409);
        assertThat(single.contentType()).startsWith("application/problem+json");
        assertThat(single.body().get("firstChangeId").asLong()).isEqualTo(first.changeId());
        assertThat(single.body().at("/errors/0/field").asText()).isEqualTo("eventId");
        assertThat(single.body().at("/errors/0/reason").asText()).contains("quantity 2, not 5");
        assertThat(inBatch.status()).isEqualTo(409);
        assertThat(inBatch.body().at("/errors/0/field").asText()).isEqualTo("[1].eventId");
        assertThat(radar.client.product(product).orElseThrow().stock()).as("nothing of either request").isEqualTo(48);
        assertThat(radar.client.product(product).orElseThrow().lastChanges()).hasSize(1);
        ChangeReceipt replay = radar.client.sale(new SaleRequest(3L, product, 2L, now, "order-7-line-1"));
        assertThat(replay.replayed()).as("the same payload is still a replay").isTrue();
    }

    @Test
    void aChangeThatWouldTakeStockPastItsBoundIsUnprocessable() {
        long product = radar.newProduct(-Limits.MAX_STOCK + 5);

        Radar.Answer single = radar.post("/sale", sale(product, 6, Radar.now(), null));
        Radar.Answer inBatch = radar.post("/sales", "[" + sale(product, 5, Radar.now(), null) + ","
                + sale(product, 1, Radar.now(), null) + "]");

        assertThat(single.status()).isEqualTo(422);
        assertThat(single.body().at("/errors/0/field").asText()).isEqualTo("quantity");
        assertThat(inBatch.status()).isEqualTo(422);
        assertThat(inBatch.body().at("/errors/0/field").asText()).isEqualTo("[1].quantity");
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(-Limits.MAX_STOCK + 5);
        assertThat(radar.client.sale(new SaleRequest(1L, product, 5L, Radar.now(), null)).stock())
                .as("down to the bound itself").isEqualTo(-Limits.MAX_STOCK);
    }

    @Test
    void productsLockedLongerThanTheTimeoutAreRefusedWithRetryAfter() throws Exception {
        long product = radar.newProduct(10);
        Ignite ignite = app.getBean(Ignite.class);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Transaction tx = ignite.transactions().txStart(TransactionConcurrency.PESSIMISTIC,
                    TransactionIsolation.REPEATABLE_READ, 30_000, 1)) {
                ignite.cache(GridNames.PRODUCT_CACHE).get(product); // a pessimistic read takes the lock
                locked.countDown();
                release.await(30, TimeUnit.SECONDS);
                tx.rollback();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Radar.Answer busy;
        try {
            busy = radar.post("/sale", sale(product, 1, Radar.now(), null));
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.contentType()).startsWith("application/problem+json");
        JsonNode problem = busy.body();
        assertThat(problem.get("detail").asText()).contains("busy");
        assertThat(radar.client.product(product).orElseThrow().stock()).isEqualTo(10);
        assertThat(radar.client.sale(new SaleRequest(1L, product, 1L, Radar.now(), null)).stock())
                .as("taken once the lock is gone").isEqualTo(9);
    }

    private static String sale(long product, long quantity, long timestamp, String eventId) {
        return "{\"customerId\":3,\"productId\":" + product + ",\"quantity\":" + quantity + ",\"timestamp\":"
                + timestamp + (eventId == null ? "" : ",\"eventId\":\"" + eventId + "\"") + "}";
    }
}
