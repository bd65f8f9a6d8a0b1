package com.stockoutradar.web.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;

/** {@code GET /api/at-risk/events}: every product entering or leaving the list reaches an open stream at once. */
@GridIntegrationTest
class RiskEventStreamIT {
    static final Duration ARRIVES_WITHIN = Duration.ofSeconds(1);

    @Autowired
    Radar radar;

    @Test
    void aViewersStreamShowsAProductSellingOutAndLeavingTheListWithinASecond() throws Exception {
        long product = radar.newProduct(3);
        try (EventStream stream = EventStream.open(radar, TestAccounts.VIEWER)) {
            assertThat(stream.contentType).startsWith("text/event-stream");

            radar.client.sale(new SaleRequest(7L, product, 3L, Radar.now(), null));
            Event soldOut = stream.nextAbout(product, ARRIVES_WITHIN);

            assertThat(soldOut.name()).isEqualTo("risk");
            assertThat(soldOut.data().get("from").isNull()).as("it was not at risk").isTrue();
            assertThat(soldOut.data().get("to").asText()).isEqualTo("OUT_OF_STOCK");
            assertThat(soldOut.data().get("name").asText()).isEqualTo("Test product " + product);

            radar.client.restock(new RestockRequest(product, 10_000L, Radar.now(), null));
            Event restocked = stream.nextAbout(product, ARRIVES_WITHIN);

            assertThat(restocked.data().get("from").asText()).isEqualTo("OUT_OF_STOCK");
            assertThat(restocked.data().get("to").isNull()).as("it left the list").isTrue();
            assertThat(restocked.id()).as("numbered in order").isGreaterThan(soldOut.id());
        }
    }

    @Test
    void anonymousCallersAreRefusedAndPeopleWithoutViewerToo() {
        assertThat(radar.as(null).get("/api/at-risk/events").status()).isEqualTo(401);
        assertThat(radar.as(TestAccounts.CLERK).get("/api/at-risk/events").status()).isEqualTo(403);
    }

    record Event(long id, String name, JsonNode data) {
    }

    /** An open {@code text/event-stream} response, read line by line on a thread of its own into events. */
    static final class EventStream implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        /** Until its headers arrive, not its first event. */
        private static final Duration OPENS_WITHIN = Duration.ofSeconds(2);

        final String contentType;
        private final Stream<String> lines;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        private EventStream(HttpResponse<Stream<String>> response) {
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.lines = response.body();
            Thread reader = new Thread(this::read, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Answers once the stream is open: the subscription is in place, nothing after it is missed. */
        static EventStream open(Radar radar, String authorization) throws IOException, InterruptedException {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(radar.uri("/api/at-risk/events")).header("Authorization", authorization)
                            .header("Accept", "text/event-stream").timeout(OPENS_WITHIN).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            return new EventStream(response);
        }

        /** The next event about this product, waiting at most {@code within}; others are passed over. */
        Event nextAbout(long productId, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event != null && event.data().get("productId").asLong() == productId) {
                    return event;
                }
            }
            throw new AssertionError("no event about product " + productId + " within " + within);
        }

        /** Fields up to a blank line make an event; comment lines (heartbeats) start with a colon. */
        private void read() {
            Map<String, String> fields = new HashMap<>();
            try {
                lines.forEach(line -> collect(line, fields));
            } catch (UncheckedIOException closed) {
                // close() ends the reading
            }
        }

        private void collect(String line, Map<String, String> fields) {
            if (line.isEmpty()) {
                if (fields.containsKey("data")) {
                    events.add(new Event(Long.parseLong(fields.get("id")), fields.get("event"),
                            parse(fields.get("data"))));
                }
                fields.clear();
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).stripLeading());
            }
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + json, e);
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
