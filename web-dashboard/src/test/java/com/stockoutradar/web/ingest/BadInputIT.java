package com.stockoutradar.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;

/** Every kind of bad input gets a problem document naming the field, and nothing is stored. */
@GridIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    /** Known to the inventory; used by every well-formed part of the bad requests. */
    static final long PRODUCT = 500;
    static final long NOW = Radar.now();

    @Autowired
    Radar radar;

    @BeforeAll
    void createProduct() {
        radar.put("/inventory/" + PRODUCT, "{\"stock\":50}");
    }

    static String sale(String customerId, String productId, String quantity, String timestamp) {
        return "{\"customerId\":" + customerId + ",\"productId\":" + productId + ",\"quantity\":" + quantity
                + ",\"timestamp\":" + timestamp + "}";
    }

    static String goodSale() {
        return sale("1", String.valueOf(PRODUCT), "1", String.valueOf(NOW));
    }

    static Stream<Arguments> badRequests() {
        String p = String.valueOf(PRODUCT);
        String now = String.valueOf(NOW);
        return Stream.of(
                Arguments.of("malformed JSON", "/sale", "{\"customerId\":1,", 400, List.of("body")),
                Arguments.of("not an object", "/sale", "[1,2]", 400, List.of("body")),
                Arguments.of("empty body", "/sale", "", 400, List.of("body")),
                Arguments.of("missing quantity", "/sale", "{\"customerId\":1,\"productId\":" + p + ",\"timestamp\":"
                        + now + "}", 400, List.of("quantity")),
                Arguments.of("missing everything", "/sale", "{}", 400,
                        List.of("customerId", "productId", "quantity", "timestamp")),
                Arguments.of("quantity zero", "/sale", sale("1", p, "0", now), 400, List.of("quantity")),
                Arguments.of("quantity negative", "/sale", sale("1", p, "-3", now), 400, List.of("quantity")),
                Arguments.of("quantity not an integer", "/sale", sale("1", p, "1.5", now), 400, List.of("quantity")),
                Arguments.of("quantity as string", "/sale", sale("1", p, "\"2\"", now), 400, List.of("quantity")),
                Arguments.of("product id non-numeric", "/sale", sale("1", "\"12a\"", "1", now), 400,
                        List.of("productId")),
                Arguments.of("product id negative", "/sale", sale("1", "-5", "1", now), 400, List.of("productId")),
                Arguments.of("customer id negative", "/sale", sale("-1", p, "1", now), 400, List.of("customerId")),
                Arguments.of("customer id a word", "/sale", sale("\"bob\"", p, "1", now), 400,
                        List.of("customerId")),
                Arguments.of("timestamp a date string", "/sale", sale("1", p, "1", "\"2026-11-25\""), 400,
                        List.of("timestamp")),
                Arguments.of("unknown field", "/sale", "{\"customerId\":1,\"productId\":" + p
                        + ",\"quantity\":1,\"timestamp\":" + now + ",\"eventID\":\"x\"}", 400, List.of("eventID")),
                Arguments.of("event id too long", "/sale", "{\"customerId\":1,\"productId\":" + p
                        + ",\"quantity\":1,\"timestamp\":" + now + ",\"eventId\":\"" + "x".repeat(129) + "\"}", 400,
                        List.of("eventId")),
                Arguments.of("unknown product", "/sale", sale("1", "987654", "1", now), 422, List.of("productId")),
                Arguments.of("timestamp 10 minutes ahead", "/sale", sale("1", p, "1", String.valueOf(NOW + 600)),
                        422, List.of("timestamp")),
                Arguments.of("timestamp before the retention window", "/sale",
                        sale("1", p, "1", String.valueOf(NOW - 40 * 86_400)), 422, List.of("timestamp")),
                Arguments.of("restock quantity zero", "/restock", "{\"productId\":" + p + ",\"quantity\":0,"
                        + "\"timestamp\":" + now + "}", 400, List.of("quantity")),
                Arguments.of("restock of unknown product", "/restock", "{\"productId\":987654,\"quantity\":4,"
                        + "\"timestamp\":" + now + "}", 422, List.of("productId")),
                Arguments.of("batch not an array", "/sales", goodSale(), 400, List.of("body")),
                Arguments.of("empty batch", "/sales", "[]", 400, List.of("body")),
                Arguments.of("batch with one bad item among good ones", "/sales",
                        "[" + goodSale() + "," + sale("1", p, "0", now) + "," + goodSale() + "]", 400,
                        List.of("[1].quantity")),
                Arguments.of("batch with a wrongly typed item", "/sales",
                        "[" + goodSale() + "," + sale("1", p, "\"x\"", now) + "]", 400, List.of("[1].quantity")),
                Arguments.of("batch naming every bad item", "/sales",
                        "[" + sale("1", p, "0", now) + "," + goodSale() + "," + sale("-1", p, "1", now) + "]", 400,
                        List.of("[0].quantity", "[2].customerId")),
                Arguments.of("batch with an unknown product", "/sales",
                        "[" + goodSale() + "," + sale("1", "987654", "1", now) + "]", 422,
                        List.of("[1].productId")),
                Arguments.of("batch over 10 000 sales", "/sales", IntStream.range(0, 10_001)
                        .mapToObj(i -> goodSale()).collect(Collectors.joining(",", "[", "]")), 400,
                        List.of("body")),
                Arguments.of("body over the size limit", "/sales", "[" + (goodSale() + ",").repeat(70_000)
                        + goodSale() + "]", 413, List.of("body")));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsStored(String what, String path, String body,
                                                                         int status, List<String> fields)
            throws InterruptedException {
        long changesInGrid = radar.changesInGrid();
        long changesInPostgres = radar.changesInPostgres();

        Radar.Answer answer = radar.post(path, body);

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertProblem(answer, fields);
        Thread.sleep(400); // two write-behind flushes
        assertThat(radar.changesInGrid()).isEqualTo(changesInGrid);
        assertThat(radar.changesInPostgres()).isEqualTo(changesInPostgres);
        assertThat(radar.client.product(PRODUCT).orElseThrow().stock()).isEqualTo(50);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/at-risk?class=bogus", "class"),
                Arguments.of("/api/at-risk?limit=0", "limit"),
                Arguments.of("/api/at-risk?limit=5000", "limit"),
                Arguments.of("/api/at-risk?offset=-1", "offset"),
                Arguments.of("/api/at-risk?sort=price", "sort"),
                Arguments.of("/api/at-risk?dir=sideways", "dir"),
                Arguments.of("/api/at-risk.csv?class=nope", "class"),
                Arguments.of("/api/products/" + PRODUCT + "/history?days=40", "days"),
                Arguments.of("/api/products/abc/history", "productId"),
                Arguments.of("/inventory/-5", "productId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueryParametersAreRefusedNamingTheParameter(String path, String parameter) {
        Radar.Answer answer = radar.get(path);

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, List.of(parameter));
    }

    @Test
    void chunkedBodyOverTheSizeLimitIsRefusedWhileItStreams() {
        byte[] body = ("[" + (goodSale() + ",").repeat(70_000) + goodSale() + "]").getBytes();
        long changesInGrid = radar.changesInGrid();

        Radar.Answer answer = radar.send(HttpRequest.newBuilder(radar.uri("/sales"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body)))
                .build());

        assertThat(answer.status()).isEqualTo(413);
        assertProblem(answer, List.of("body"));
        assertThat(radar.changesInGrid()).isEqualTo(changesInGrid);
    }

    @Test
    void conflictingEventIdAndIdempotencyKeyAreRefused() {
        Radar.Answer answer = radar.post("/sale", "{\"customerId\":1,\"productId\":" + PRODUCT
                + ",\"quantity\":1,\"timestamp\":" + NOW + ",\"eventId\":\"a\"}", Map.of("Idempotency-Key", "b"));

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, List.of("eventId"));
    }

    @Test
    void unknownProductIsNotFound() {
        Radar.Answer answer = radar.get("/inventory/424242");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nonNumericProductIdInPathIsABadRequest() {
        Radar.Answer answer = radar.get("/inventory/abc");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, List.of("productId"));
    }

    @Test
    void settingAProductWithoutStockIsABadRequestAndCreatesNothing() {
        Radar.Answer answer = radar.put("/inventory/31337", "{\"name\":\"no stock\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, List.of("stock"));
        assertThat(radar.get("/inventory/31337").status()).isEqualTo(404);
    }

    private static void assertProblem(Radar.Answer answer, List<String> fields) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.body();
        assertThat(body.get("status").asInt()).isEqualTo(answer.status());
        assertThat(body.get("detail").asText()).isNotBlank();
        List<String> named = body.get("errors").findValuesAsText("field");
        assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
        body.get("errors").forEach(error -> assertThat(error.get("reason").asText()).isNotBlank());
    }
}
