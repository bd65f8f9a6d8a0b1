package com.stockoutradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    void jarStartsWithoutJvmFlagsSeedsTheDemoAndServesSales() throws Exception {
        Path jar = Path.of(System.getProperty("radar.jar"));
        assertThat(jar).exists();
        int httpPort = freePort();
        Process app = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--radar.embedded-postgres.port=0",
                "--radar.grid.discovery-port=48600", "--radar.grid.discovery-addresses=127.0.0.1:48600..48609",
                "--radar.grid.communication-port=48200", "--radar.grid.client-connector-port=11000",
                "--radar.grid.data-region-size=256MB"))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> follow(app, output, running));
        reader.start();
        try {
            assertThat(running.await(120, TimeUnit.SECONDS)).as("started; output:%n%s", output).isTrue();
            assertThat(output).contains("http://127.0.0.1:" + httpPort + "/", "jdbc:ignite:thin://127.0.0.1:11000",
                    "psql postgresql://postgres@127.0.0.1:");
            assertThat(workingDirectory.resolve("data/postgres")).isDirectory();

            StockoutRadarClient client = new StockoutRadarClient(URI.create("http://127.0.0.1:" + httpPort));
            ProductView demoProduct = client.product(1).orElseThrow();
            assertThat(demoProduct.lastChanges()).isNotEmpty();
            ChangeReceipt sale = client.sale(new SaleRequest(1L, 1L, 1L, System.currentTimeMillis() / 1000, null));
            assertThat(sale.stock()).isEqualTo(demoProduct.stock() - 1);
        } finally {
            app.destroy();
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            reader.join(5_000);
        }
    }

    private static void follow(Process app, StringBuilder output, CountDownLatch running) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.contains("Started StockoutRadarApplication")) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
