package com.stockoutradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.stockoutradar.api.ChangeReceipt;
import com.stockoutradar.api.ProductView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * The executable jar as a newcomer runs it: {@code java -jar} on a plain JDK 17, no JVM flags, from an empty
 * directory. Only ports are moved away from the defaults, so the test never meets a locally running app.
 */
class PackagedJarIT {
    @TempDir
    Path workingDirectory;

    @Test
    void jarStartsWithoutJvmFlagsSeedsTheDemoAndServesSales() {
        Path jar = Path.of(System.getProperty("radar.jar"));
        assertThat(jar).exists();
        int httpPort = ChildJvm.freePort();
        try (ChildJvm app = ChildJvm.start(jar, workingDirectory, "Started StockoutRadarApplication", List.of(
                "--server.port=" + httpPort,
                "--radar.embedded-postgres.port=0",
                "--radar.grid.discovery-port=48600", "--radar.grid.discovery-addresses=127.0.0.1:48600..48609",
                "--radar.grid.communication-port=48200", "--radar.grid.client-connector-port=11000",
                "--radar.grid.data-region-size=256MB", "--radar.grid.wal-segment-size=4MB"))) {
            assertThat(app.output()).contains("http://127.0.0.1:" + httpPort + "/",
                    "jdbc:ignite:thin://127.0.0.1:11000", "psql postgresql://postgres@127.0.0.1:");
            assertThat(workingDirectory.resolve("data/postgres")).isDirectory();
            assertThat(workingDirectory.resolve("data/ignite/db")).isDirectory();

            StockoutRadarClient client = new StockoutRadarClient(URI.create("http://127.0.0.1:" + httpPort));
            ProductView demoProduct = client.product(1).orElseThrow();
            assertThat(demoProduct.lastChanges()).isNotEmpty();
            ChangeReceipt sale = client.sale(new SaleRequest(1L, 1L, 1L, System.currentTimeMillis() / 1000, null));
            assertThat(sale.stock()).isEqualTo(demoProduct.stock() - 1);
        }
    }
}
