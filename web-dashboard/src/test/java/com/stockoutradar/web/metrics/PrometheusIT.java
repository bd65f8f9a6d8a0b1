package com.stockoutradar.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;

/**
 * A real Prometheus scrapes the application with the scraper's API key, and an operator reads ingestion's p99 and
 * PostgreSQL's lag back through its HTTP API; the sample Grafana dashboard and scrape configuration in {@code ops/}
 * ask only for series the application exports.
 */
@GridIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusIT {
    private static final Path OPS = Path.of("..", "ops");
    /** A PromQL name: not followed by "(" (a function), outside labels, ranges and strings. */
    private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset");

    @Autowired
    Radar radar;

    private PrometheusServer prometheus;
    private long product;

    @BeforeAll
    void startPrometheus() throws IOException {
        product = radar.newProduct(1_000_000);
        prometheus = PrometheusServer.scraping(radar.uri("/").getAuthority(), TestAccounts.SCRAPER_API_KEY,
                Path.of("target", "it-data", "prometheus-" + UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(prometheus.value("up{job=\"" + PrometheusServer.JOB + "\"}"))
                        .as("the scrape succeeds; its last error: " + prometheus.lastScrapeError()).isEqualTo(1));
    }

    @AfterAll
    void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void anOperatorReadsIngestionP99AndPostgresLagFromPrometheus() {
        // sales while Prometheus watches, so that the counters move between its scrapes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            sell();
            assertThat(prometheus.value("histogram_quantile(0.99, sum by (le) "
                    + "(rate(http_server_requests_seconds_bucket{uri=\"/sale\"}[1m])))")).isPositive().isFinite();
        });

        assertThat(prometheus.value("sum(radar_changes_acknowledged_total{type=\"SALE\",replayed=\"false\"})"))
                .isGreaterThanOrEqualTo(1);
        assertThat(prometheus.value("radar_postgres_lag_rows")).isGreaterThanOrEqualTo(0);
        assertThat(prometheus.value("radar_postgres_lag_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(prometheus.value("radar_grid_server_nodes")).isEqualTo(1);
        assertThat(prometheus.value("radar_grid_lost_partitions")).isZero();
        assertThat(prometheus.value("radar_grid_memory_fill")).isBetween(0.0, 1.0);
        assertThat(prometheus.query("jvm_memory_used_bytes{area=\"heap\"}")).isNotEmpty();
    }

    @Test
    void theRiskSeriesFollowTheCurrentRefresh() {
        radar.newProduct(0); // out of stock
        assertThat(radar.post("/api/risk/refresh", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(prometheus.value("radar_risk_at_risk{class=\"OUT_OF_STOCK\"}")).isGreaterThanOrEqualTo(1);
            assertThat(prometheus.value("radar_risk_refresh_products_scanned")).isGreaterThanOrEqualTo(2);
            assertThat(prometheus.value("radar_risk_refresh_duration_seconds")).isNotNegative();
        });
    }

    @Test
    void aBatchIsCountedBySize() {
        String sale = saleJson();
        assertThat(radar.as(TestAccounts.SHOP_KEY).post("/sales", "[" + sale + "," + sale + "," + sale + "]")
                .status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(prometheus.value("radar_ingest_batch_size_count")).isGreaterThanOrEqualTo(1);
            assertThat(prometheus.value("radar_ingest_batch_size_max")).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void everyDashboardQueryNamesASeriesTheApplicationExports() throws IOException {
        sell();
        assertThat(radar.as(TestAccounts.SHOP_KEY).post("/sales", "[" + saleJson() + "]").status()).isEqualTo(201);
        Set<String> exported = exportedSeries();
        JsonNode dashboard = new ObjectMapper().readTree(OPS.resolve("grafana/stockout-radar.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets")
                .forEach(target -> queries.add(target.path("expr").asText())));

        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        Set<String> named = queries.stream().flatMap(query -> {
            Set<String> names = seriesIn(query);
            assertThat(names).as("series named by " + query).isNotEmpty();
            assertThat(exported).as(query).containsAll(names);
            assertThat(prometheus.query(query)).as("prometheus evaluates " + query).isNotNull();
            return names.stream();
        }).collect(Collectors.toSet());
        // what an operator looks at first: ingestion, its latency, PostgreSQL's lag, the refresh, the list, memory
        assertThat(named).contains("radar_changes_acknowledged_total", "http_server_requests_seconds_bucket",
                "radar_postgres_lag_rows", "radar_postgres_lag_seconds", "radar_risk_refresh_duration_seconds",
                "radar_risk_at_risk", "radar_grid_memory_fill");
    }

    @Test
    void theSampleScrapeConfigurationIsValid() throws Exception {
        assertThat(Files.isExecutable(PrometheusServer.PROMTOOL))
                .as("Debian package prometheus is installed (.ci/run installs it)").isTrue();
        Path directory = Files.createDirectories(Path.of("target", "it-data", "ops-" + UUID.randomUUID()));
        Files.copy(OPS.resolve("prometheus.yml"), directory.resolve("prometheus.yml"));
        // the key file it names, beside it, as an operator would put it
        Files.writeString(directory.resolve("stockout-radar.key"), TestAccounts.SCRAPER_API_KEY);
        Process check = new ProcessBuilder(PrometheusServer.PROMTOOL.toString(), "check", "config",
                directory.resolve("prometheus.yml").toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());

        assertThat(check.waitFor()).as(output).isZero();
        assertThat(Files.readString(OPS.resolve("prometheus.yml")))
                .contains("metrics_path: /actuator/prometheus", "credentials_file: stockout-radar.key");
    }

    /** The names in one scrape of the application's series, as Prometheus stores them. */
    private Set<String> exportedSeries() {
        return radar.as(TestAccounts.SCRAPER_KEY).text("/actuator/prometheus").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    /** The series a PromQL expression reads: its names, without strings, label matchers, ranges and grouping. */
    static Set<String> seriesIn(String query) {
        String bare = query.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!KEYWORDS.contains(name) && !Character.isDigit(name.charAt(0))) {
                names.add(name);
            }
        }
        return names;
    }

    private void sell() {
        Radar.Answer answer = radar.as(TestAccounts.SHOP_KEY).post("/sale", saleJson());
        assertThat(answer.status()).isEqualTo(201);
    }

    private String saleJson() {
        return "{\"customerId\":1,\"productId\":" + product + ",\"quantity\":1,\"timestamp\":" + Radar.now() + "}";
    }
}
