package com.stockoutradar.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.ignite.Ignite;
import org.apache.ignite.cache.CachePeekMode;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stockoutradar.api.GridNames;
import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.StockoutRadarClient;

/** A running application seen from outside (HTTP) and inside (its grid and its PostgreSQL), for assertions. */
public final class Radar {
    private static final AtomicLong NEXT_PRODUCT = new AtomicLong(1_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, String contentType, JsonNode body, HttpHeaders headers) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Ignite ignite;
    private final JdbcTemplate postgres;
    public final StockoutRadarClient client;

    public Radar(int port, Ignite ignite, JdbcTemplate postgres) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.ignite = ignite;
        this.postgres = postgres;
        this.client = new StockoutRadarClient(base);
    }

    /** A product no other test uses, with this stock. */
    public long newProduct(long stock) {
        long id = NEXT_PRODUCT.incrementAndGet();
        client.putProduct(id, new ProductRequest(stock, "Test product " + id));
        return id;
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public Answer post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Answer post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** A GET answered with a body that is not JSON (CSV, HTML). */
    public String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.isEmpty() ? null : JSON.readTree(body), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long changesInGrid() {
        return ignite.cache(GridNames.CHANGE_CACHE).size(CachePeekMode.PRIMARY);
    }

    public long productsInGrid() {
        return ignite.cache(GridNames.PRODUCT_CACHE).size(CachePeekMode.PRIMARY);
    }

    public long changesInPostgres() {
        return postgres.queryForObject("SELECT count(*) FROM inventory_change", Long.class);
    }

    public long changesInPostgres(long productId) {
        return postgres.queryForObject("SELECT count(*) FROM inventory_change WHERE pid = ?", Long.class, productId);
    }

    public Long stockInPostgres(long productId) {
        return postgres.query("SELECT stock FROM product WHERE id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, productId);
    }

    /** Waits until PostgreSQL holds everything committed in the grid: no pending write left in the outbox. */
    public void awaitPostgresCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> ignite.cache(GridNames.OUTBOX_CACHE).size() == 0);
    }

    /** Waits for the outbox to bring PostgreSQL to {@code changes} rows. */
    public void awaitChangesInPostgres(long changes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> changesInPostgres() == changes);
    }

    /** The product's 7-day numbers in a fresh risk refresh (the forecast moves with the clock); null if not at risk. */
    public JsonNode refreshedRisk(long productId) {
        Answer refresh = post("/api/risk/refresh", "");
        if (refresh.status() != 200) {
            throw new IllegalStateException("risk refresh answered " + refresh.status() + ": " + refresh.body());
        }
        for (JsonNode row : get("/api/at-risk?q=" + productId).body().get("products")) {
            if (row.get("productId").asLong() == productId) {
                return row.<ObjectNode>deepCopy().retain("riskClass", "stock", "sales7d", "restocks7d", "velocity",
                        "projected");
            }
        }
        return null;
    }

    public JdbcTemplate postgres() {
        return postgres;
    }
}
