package com.stockoutradar.web.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.alerts.WebhookReceiver.Delivery;

/**
 * A product entering the at-risk list or a more urgent class is POSTed to every configured webhook, signed with
 * that webhook's secret, retried with back-off until a 2xx, in order per webhook, and never at ingestion's expense.
 * Three real receivers: one that accepts, one that refuses every delivery twice, one that never answers.
 */
@GridIntegrationTest
@TestPropertySource(properties = {
        "radar.alerts.timeout=2s",
        "radar.alerts.max-attempts=4",
        "radar.alerts.first-retry=100ms",
        "radar.alerts.longest-retry=400ms",
        "radar.alerts.queue-size=3"})
@ExtendWith(OutputCaptureExtension.class)
class WebhookAlertsIT {
    static final Duration DELIVERED_WITHIN = Duration.ofSeconds(2);
    static final String SHOP_SECRET = "shop-webhook-secret";

    static final WebhookReceiver shop = WebhookReceiver.answering(attempt -> 200);
    static final WebhookReceiver flaky = WebhookReceiver.answering(attempt -> attempt <= 2 ? 500 : 200);
    static final WebhookReceiver silent = WebhookReceiver.neverAnswering();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("radar.alerts.webhooks[0].url", shop::url);
        registry.add("radar.alerts.webhooks[0].secret", () -> SHOP_SECRET);
        registry.add("radar.alerts.webhooks[1].url", flaky::url);
        registry.add("radar.alerts.webhooks[1].secret", () -> "flaky-webhook-secret");
        registry.add("radar.alerts.webhooks[2].url", silent::url);
        registry.add("radar.alerts.webhooks[2].secret", () -> "silent-webhook-secret");
    }

    @AfterAll
    static void stopReceivers() {
        shop.close();
        flaky.close();
        silent.close();
    }

    @Autowired
    Radar radar;

    @Test
    void aProductSoldOutOfStockIsPostedWithinTwoSecondsSignedWithTheWebhooksSecret() throws Exception {
        long product = radar.newProduct(3);
        long soldAt = System.currentTimeMillis();
        sellOut(product, 3);

        Delivery delivery = await().atMost(DELIVERED_WITHIN).pollInterval(Duration.ofMillis(20))
                .until(() -> shop.deliveriesOf(product), deliveries -> !deliveries.isEmpty()).get(0);

        assertThat(delivery.contentType()).startsWith("application/json");
        assertThat(delivery.signature()).as("HMAC-SHA256 of the exact body with the secret")
                .isEqualTo("sha256=" + hmacSha256(SHOP_SECRET, delivery.body()));
        JsonNode body = delivery.json();
        assertThat(body.get("id").asText()).isNotBlank().isEqualTo(delivery.eventId());
        assertThat(body.get("productId").asLong()).isEqualTo(product);
        assertThat(body.get("name").asText()).isEqualTo("Test product " + product);
        assertThat(body.get("from").isNull()).as("it was not at risk before").isTrue();
        assertThat(body.get("to").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(body.get("at").asLong()).isCloseTo(soldAt, within(5_000L));
    }

    @Test
    void aDeliveryRefusedTwiceIsRetriedWithBackOffUnderItsIdAndHoldsUpTheNextOne() {
        long first = radar.newProduct(1);
        long second = radar.newProduct(1);
        sellOut(first, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !flaky.deliveriesOf(first).isEmpty());
        sellOut(second, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> flaky.deliveriesOf(second).size() == 3);

        List<Delivery> attempts = flaky.deliveriesOf(first);
        assertThat(attempts).extracting(Delivery::answered).containsExactly(500, 500, 200);
        assertThat(attempts).extracting(Delivery::eventId).containsOnly(attempts.get(0).eventId());
        assertThat(attempts).extracting(delivery -> delivery.json().get("id").asText())
                .containsOnly(attempts.get(0).eventId());
        assertThat(Duration.ofNanos(attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos()))
                .as("first retry after 100 ms").isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(attempts.get(2).arrivedNanos() - attempts.get(1).arrivedNanos()))
                .as("then twice that").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(flaky.deliveries()).extracting(Delivery::productId).filteredOn(id -> id == first || id == second)
                .as("the next alert waits until the one before is delivered")
                .containsExactly(first, first, first, second, second, second);
    }

    @Test
    void leavingTheListOrMovingToALessUrgentClassSendsNothing() {
        long product = radar.newProduct(3);
        sellOut(product, 3);
        await().atMost(DELIVERED_WITHIN).until(() -> !shop.deliveriesOf(product).isEmpty());

        // 1 of 3 sold back in stock: projected 1 - (3 - 1) < 0, the 7-day rule (less urgent than out of stock)
        radar.client.restock(new RestockRequest(product, 1L, Radar.now(), null));
        radar.client.restock(new RestockRequest(product, 10_000L, Radar.now(), null)); // off the list
        long after = radar.newProduct(1);
        sellOut(after, 1);
        await().atMost(DELIVERED_WITHIN).until(() -> !shop.deliveriesOf(after).isEmpty());

        assertThat(shop.deliveriesOf(product)).as("only its entering the list").hasSize(1);
    }

    @Test
    void aWebhookThatNeverAnswersSlowsNeitherSalesNorTheOtherWebhooks(CapturedOutput log) {
        for (int i = 0; i < 10; i++) {
            long product = radar.newProduct(2);
            long started = System.nanoTime();
            sellOut(product, 2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("sale %d acknowledged", i)
                    .isLessThan(Duration.ofSeconds(1)); // half the delivery timeout: no sale waits for a delivery
            await().atMost(DELIVERED_WITHIN).until(() -> !shop.deliveriesOf(product).isEmpty());
        }

        assertThat(silent.deliveries()).as("attempts waiting for their timeout").isNotEmpty()
                .extracting(Delivery::answered).containsOnly(WebhookReceiver.NO_ANSWER);
        assertThat(log).as("its queue (3) full, the oldest dropped").containsPattern(
                Pattern.quote("alerts to " + silent.url() + ": queue full (3 waiting), dropped the ") + "\\d+ oldest");
    }

    private void sellOut(long product, long stock) {
        radar.client.sale(new SaleRequest(7L, product, stock, Radar.now(), null));
    }

    private static String hmacSha256(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
