package com.stockoutradar.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small Java client for the Stockout Radar REST API, used by tests, load tests and ops tools. */
public final class StockoutRadarClient {
    private static final String JSON = "application/json";
    private final URI baseUri;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String authorization;

    /** @param authorization the {@code Authorization} header of every request: {@link #bearer} or {@link #basic} */
    public StockoutRadarClient(URI baseUri, String authorization) {
        this(baseUri, authorization, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                new ObjectMapper());
    }

    public StockoutRadarClient(URI baseUri, String authorization, HttpClient http, ObjectMapper json) {
        this.baseUri = baseUri;
        this.authorization = authorization;
        this.http = http;
        this.json = json;
    }

    /** A machine's API key ({@code radar.security.api-keys.<name>.key}). */
    public static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    /** A person's name and password ({@code radar.security.users.<name>}). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public ChangeReceipt sale(SaleRequest sale) {
        return send(post("/sale", sale), ChangeReceipt.class);
    }

    public ChangeReceipt restock(RestockRequest restock) {
        return send(post("/restock", restock), ChangeReceipt.class);
    }

    public BatchReceipt sales(List<SaleRequest> sales) {
        return send(post("/sales", sales), BatchReceipt.class);
    }

    public void putProduct(long productId, ProductRequest product) {
        send(request("/inventory/" + productId).header("Content-Type", JSON).PUT(body(product)).build(), Void.class);
    }

    public Optional<ProductView> product(long productId) {
        try {
            return Optional.of(send(request("/inventory/" + productId).GET().build(), ProductView.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Streams a {@code product_id,stock[,name]} CSV file to {@code POST /inventory/import}. */
    public ImportReport importProducts(Path csv) {
        try {
            HttpRequest request = request("/inventory/import")
                    .timeout(Duration.ofHours(1)) // the answer comes when every row is in the grid
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv))
                    .build();
            return send(request, ImportReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    private HttpRequest post(String path, Object body) {
        return request(path).header("Content-Type", JSON).POST(body(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write request body", e);
        }
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new ApiException(response.statusCode(), new String(response.body()));
            }
            return type == Void.class || response.body().length == 0 ? null : json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
