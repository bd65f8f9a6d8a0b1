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
    /** Sent with every request that does not carry its own. */
    private final String authorization;
    public final StockoutRadarClient client;

    /** Signed in as {@link TestAccounts#ADMIN}, who may do everything. */
    public Radar(int port, Ignite ignite, JdbcTemplate postgres) {
        this(URI.create("http://127.0.0.1:" + port), ignite, postgres, TestAccounts.ADMIN);
    }

    private Radar(URI base, Ignite ignite, JdbcTemplate postgres, String authorization) {
        this.base = base;
        this.ignite = ignite;
        this.postgres = postgres;
        this.authorization = authorization;
        this.client = new StockoutRadarClient(base, authorization);
    }

    /** The same application, called with another {@code Authorization} header, or none (null). */
    public Radar as(String authorization) {
        return new Radar(base, ignite, postgres, authorization);
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
            return http.send(signed(HttpRequest.newBuilder(base.resolve(path)).GET().build()),
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
            HttpResponse<String> response = http.send(signed(request), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), contentType,
                    body.isEmpty() || !contentType.contains("json") ? null : JSON.readTree(body), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest signed(HttpRequest request) {
        if (authorization == null || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
    }

    /** The {@code Authorization} header line this view sends, for requests written by hand; empty when none. */
    public String authorizationLine() {
        return authorization == null ? "" : "Authorization: " + authorization + "\r\n";
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
