package com.stockoutradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * The executable jar as a newcomer runs it: {@code java -jar} on a plain JDK 17, no JVM flags, from an empty
 * directory, nothing configured: it creates an admin and an API key and shows them once. Only ports are moved away
 * from the defaults, so the test never meets a locally running app.
 */
class PackagedJarIT {
    @TempDir
    Path workingDirectory;

    @Test
    void jarStartsWithoutJvmFlagsSeedsTheDemoAndServesSignedInCallersWithTheCredentialsOfItsBanner()
            throws Exception {
        Path jar = Path.of(System.getProperty("radar.jar"));
        assertThat(jar).exists();
        int httpPort = ChildJvm.freePort();
        try (ChildJvm app = ChildJvm.start(jar, workingDirectory, "Started StockoutRadarApplication", List.of(
                "--server.port=" + httpPort,
                "--radar.embedded-postgres.port=0",
                "--radar.grid.discovery-port=48600",
                "--radar.grid.communication-port=48200", "--radar.grid.client-connector-port=11000",
                "--radar.grid.data-region-size=256MB", "--radar.grid.wal-segment-size=4MB"))) {
            assertThat(app.output()).contains("http://127.0.0.1:" + httpPort + "/",
                    "jdbc:ignite:thin://127.0.0.1:11000", "psql postgresql://postgres@127.0.0.1:");
            assertThat(workingDirectory.resolve("data/postgres")).isDirectory();
            assertThat(workingDirectory.resolve("data/ignite/db")).isDirectory();

            String password = firstGroup(app.output(), "user +admin +password (\\S+)");
            String apiKey = firstGroup(app.output(), "API key +(\\S+)");
            URI base = URI.create("http://127.0.0.1:" + httpPort);
            assertThat(Files.readString(workingDirectory.resolve("data/security/credentials.properties")))
                    .as("hashes only").doesNotContain(password, apiKey);

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/inventory/1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            ProductView demoProduct = new StockoutRadarClient(base, StockoutRadarClient.basic("admin", password))
                    .product(1).orElseThrow();
            assertThat(demoProduct.lastChanges()).isNotEmpty();
            ChangeReceipt sale = new StockoutRadarClient(base, StockoutRadarClient.bearer(apiKey))
                    .sale(new SaleRequest(1L, 1L, 1L, System.currentTimeMillis() / 1000, null));
            assertThat(sale.stock()).isEqualTo(demoProduct.stock() - 1);
        }
    }

    private static String firstGroup(String text, String regex) {
        Matcher match = Pattern.compile(regex).matcher(text);
        assertThat(match.find()).as("the banner shows %s", regex).isTrue();
        return match.group(1);
    }
}
