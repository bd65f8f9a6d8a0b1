package com.stockoutradar.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import com.stockoutradar.api.Limits;
import com.stockoutradar.api.ProductView;
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

    /** A sale with an event id, written into the JSON string as given (JSON escapes included). */
    static String sale(String customerId, String productId, String quantity, String timestamp, String eventId) {
        return "{\"customerId\":" + customerId + ",\"productId\":" + productId + ",\"quantity\":" + quantity
                + ",\"timestamp\":" + timestamp + ",\"eventId\":\"" + eventId + "\"}";
    }

    static String goodSale() {
        return sale("1", String.valueOf(PRODUCT), "1", String.valueOf(NOW));
    }

    static Stream<Arguments> badRequests() {
        String p = String.valueOf(PRODUCT);
        String now = String.valueOf(NOW);
        String overMax = String.valueOf(Limits.MAX_QUANTITY + 1);
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
                Arguments.of("quantity over the most one change may carry", "/sale", sale("1", p, overMax, now), 400,
                        List.of("quantity")),
                Arguments.of("event id with U+0000", "/sale", sale("1", p, "1", now, "order-7\\u0000line-1"), 400,
                        List.of("eventId")),
                Arguments.of("event id with a line break", "/sale", sale("1", p, "1", now, "order-7\\nline-1"), 400,
                        List.of("eventId")),
                Arguments.of("unknown product", "/sale", sale("1", "987654", "1", now), 422, List.of("productId")),
                Arguments.of("timestamp 10 minutes ahead", "/sale", sale("1", p, "1", String.valueOf(NOW + 600)),
                        422, List.of("timestamp")),
                Arguments.of("timestamp before the retention window", "/sale",
                        sale("1", p, "1", String.valueOf(NOW - 40 * 86_400)), 422, List.of("timestamp")),
                Arguments.of("restock quantity zero", "/restock", "{\"productId\":" + p + ",\"quantity\":0,"
                        + "\"timestamp\":" + now + "}", 400, List.of("quantity")),
                Arguments.of("restock quantity over the most one change may carry", "/restock", "{\"productId\":" + p
                        + ",\"quantity\":" + overMax + ",\"timestamp\":" + now + "}", 400, List.of("quantity")),
                Arguments.of("restock event id with U+007F", "/restock", "{\"productId\":" + p + ",\"quantity\":4,"
                        + "\"timestamp\":" + now + ",\"eventId\":\"restock\\u007f1\"}", 400, List.of("eventId")),
                Arguments.of("restock of unknown product", "/restock", "{\"productId\":987654,\"quantity\":4,"
                        + "\"timestamp\":" + now + "}", 422, List.of("productId")),
                Arguments.of("batch not an array", "/sales", goodSale(), 400, List.of("body")),
                Arguments.of("empty batch", "/sales", "[]", 400, List.of("body")),
                Arguments.of("batch with one bad item among good ones", "/sales",
                        "[" + goodSale() + "," + sale("1", p, "0", now) + "," + goodSale() + "]", 400,
                        List.of("[1].quantity")),
                Arguments.of("batch with a wrongly typed item", "/sales",
                        "[" + goodSale() + "," + sale("1", p, "\"x\"", now) + "]", 400, List.of("[1].quantity")),
                Arguments.of("batch with an item over the most one change may carry", "/sales",
                        "[" + goodSale() + "," + sale("1", p, overMax, now) + "]", 400, List.of("[1].quantity")),
                Arguments.of("batch with an item's event id holding U+0000", "/sales",
                        "[" + sale("1", p, "1", now, "a\\u0000") + "," + goodSale() + "]", 400,
                        List.of("[0].eventId")),
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
                                                                         int status, List<String> fields) {
        long changesInGrid = radar.changesInGrid();
        long changesInPostgres = radar.changesInPostgres();

        Radar.Answer answer = radar.post(path, body);

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertProblem(answer, fields);
        radar.awaitPostgresCaughtUp();
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

    /**
     * Tomcat's HTTP parser refuses a header holding U+0000 or any other control character but a tab, before the
     * application sees the request (so its 400 is no problem document); a tab reaches the event id's constraint.
     */
    @Test
    void controlCharactersInTheIdempotencyKeyHeaderAreRefused() throws IOException {
        long changesInGrid = radar.changesInGrid();

        int nul = statusOfPost("/sale", goodSale(), "Idempotency-Key: order-7\u0000line-1");
        Radar.Answer tab = radar.post("/restock", "{\"productId\":" + PRODUCT + ",\"quantity\":4,\"timestamp\":"
                + NOW + "}", Map.of("Idempotency-Key", "restock\t1"));

        assertThat(nul).isEqualTo(400);
        assertThat(tab.status()).isEqualTo(400);
        assertProblem(tab, List.of("eventId"));
        assertThat(radar.changesInGrid()).isEqualTo(changesInGrid);
        assertThat(radar.client.product(PRODUCT).orElseThrow().stock()).isEqualTo(50);
    }

    static Stream<Arguments> badProducts() {
        return Stream.of(
                Arguments.of("no stock", "{\"name\":\"no stock\"}", List.of("stock")),
                Arguments.of("stock over the bound", "{\"stock\":" + (Limits.MAX_STOCK + 1) + "}", List.of("stock")),
                Arguments.of("stock under the bound", "{\"stock\":" + (-Limits.MAX_STOCK - 1) + "}",
                        List.of("stock")),
                Arguments.of("name with U+0000", "{\"stock\":5,\"name\":\"Mug\\u0000large\"}", List.of("name")),
                Arguments.of("name with a line break", "{\"stock\":5,\"name\":\"Mug\\nlarge\"}", List.of("name")),
                Arguments.of("stock and name both bad", "{\"stock\":" + (Limits.MAX_STOCK + 1)
                        + ",\"name\":\"\\u0001\"}", List.of("name", "stock")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProducts")
    void badProductIsRefusedAndNeitherCreatesNorChangesAProduct(String what, String body, List<String> fields) {
        ProductView before = radar.client.product(PRODUCT).orElseThrow();
        long productsInGrid = radar.productsInGrid();

        Radar.Answer creating = radar.put("/inventory/31337", body);
        Radar.Answer setting = radar.put("/inventory/" + PRODUCT, body);

        assertThat(creating.status()).as(what).isEqualTo(400);
        assertProblem(creating, fields);
        assertThat(setting.status()).as(what).isEqualTo(400);
        assertProblem(setting, fields);
        assertThat(radar.get("/inventory/31337").status()).isEqualTo(404);
        assertThat(radar.productsInGrid()).isEqualTo(productsInGrid);
        assertThat(radar.client.product(PRODUCT).orElseThrow()).isEqualTo(before);
    }

    @Test
    void stockAndQuantitiesAtTheirBoundsAreAccepted() {
        long product = radar.newProduct(0);

        Radar.Answer lowest = radar.put("/inventory/" + product, "{\"stock\":" + -Limits.MAX_STOCK + "}");
        Radar.Answer restock = radar.post("/restock", "{\"productId\":" + product + ",\"quantity\":"
                + Limits.MAX_QUANTITY + ",\"timestamp\":" + NOW + "}");
        Radar.Answer highest = radar.put("/inventory/" + product, "{\"stock\":" + Limits.MAX_STOCK + "}");
        Radar.Answer sale = radar.post("/sale", sale("1", String.valueOf(product),
                String.valueOf(Limits.MAX_QUANTITY), String.valueOf(NOW)));

        assertThat(List.of(lowest.status(), restock.status(), highest.status(), sale.status()))
                .containsExactly(200, 201, 200, 201);
        assertThat(restock.body().get("stock").asLong()).isEqualTo(-Limits.MAX_STOCK + Limits.MAX_QUANTITY);
        assertThat(sale.body().get("stock").asLong()).isEqualTo(Limits.MAX_STOCK - Limits.MAX_QUANTITY);
        // written behind before the other tests count what PostgreSQL holds
        await().atMost(Duration.ofSeconds(30)).until(() -> radar.changesInPostgres(product) == 2);
    }

    /** Java's HttpClient will not send a control character other than a tab in a header: written by hand. */
    private int statusOfPost(String path, String body, String header) throws IOException {
        URI uri = radar.uri(path);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + content.length + "\r\n" + radar.authorizationLine() + header + "\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
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
