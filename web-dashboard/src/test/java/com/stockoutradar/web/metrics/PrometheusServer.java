package com.stockoutradar.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.web.ChildJvm;

/**
 * Debian's real {@code prometheus}, run as a process of its own on a loopback port with its own configuration and
 * storage under {@code target/}, scraping one application every second; asked through its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final String JOB = "stockout-radar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, Path log, URI api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /** Scrapes {@code target} (host:port) at {@code /actuator/prometheus}, sending {@code apiKey} as a Bearer token. */
    static PrometheusServer scraping(String target, String apiKey, Path directory) throws IOException {
        assertThat(Files.isExecutable(BINARY))
                .as("Debian package prometheus is installed (.ci/run installs it)").isTrue();
        Files.createDirectories(directory);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    authorization:
                      type: Bearer
                      credentials: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(JOB, apiKey, target));
        int port = ChildJvm.freePort();
        Path log = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer prometheus = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> prometheus.isReady());
        } catch (RuntimeException e) {
            prometheus.close();
            throw new IllegalStateException("prometheus did not become ready; its log:\n" + prometheus.log(), e);
        }
        return prometheus;
    }

    /** An instant query's result vector ({@code data.result}); fails on any error Prometheus reports. */
    JsonNode query(String promql) {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(answer.path("status").asText()).as(promql + ": " + answer).isEqualTo("success");
        return answer.path("data").path("result");
    }

    /** The single value of a query that yields one sample. */
    double value(String promql) {
        JsonNode result = query(promql);
        assertThat(result).as(promql).hasSize(1);
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    /** Why the last scrape failed, from Prometheus's view of its target; empty when it succeeded. */
    String lastScrapeError() {
        return get("/api/v1/targets").path("data").path("activeTargets").path(0).path("lastError").asText();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus ended with " + process.exitValue());
        }
        try {
            return http.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(api.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " of prometheus failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
