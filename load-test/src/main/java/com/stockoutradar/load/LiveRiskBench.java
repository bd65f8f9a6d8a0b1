package com.stockoutradar.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.api.StockoutRadarClient;

/**
 * How soon a sale shows on the at-risk list, with and without background load: probe products with a stock of one
 * are sold out one after the other, and each probe's time runs from its sale's acknowledgement until
 * {@code GET /api/at-risk} (searched by the product id, as the dashboard's search does) lists it. No refresh runs:
 * the list is the live one. The background is batches of sales to other products at a fixed rate.
 * <pre>
 * RADAR_API_KEY=… RADAR_USER=admin RADAR_PASSWORD=… java -Dloader.main=com.stockoutradar.load.LiveRiskBench \
 *      -jar load-test/target/load-test.jar --rate=2000 --probes=100
 * </pre>
 */
public final class LiveRiskBench {
    /** Background products, and the first probe product's id (both far from the demo shop's). */
    private static final long BACKGROUND_FIRST = 5_000_000;
    private static final int BACKGROUND_PRODUCTS = 1_000;
    private static final long PROBE_FIRST = 6_000_000;
    private static final int BATCHES_PER_SECOND = 10;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = IngestBench.options(args);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        int probes = Integer.parseInt(options.getOrDefault("probes", "100"));
        Credentials credentials = Credentials.given(options);
        StockoutRadarClient admin = new StockoutRadarClient(url, credentials.person());
        StockoutRadarClient shop = new StockoutRadarClient(url, credentials.ingest());
        HttpClient http = HttpClient.newHttpClient();
        long run = System.currentTimeMillis() / 1000 % 100_000 * 1_000; // probes of another run stay apart

        System.out.printf("live risk bench against %s: %d probes, background %,d sales/s, %d cores here%n", url,
                probes, rate, Runtime.getRuntime().availableProcessors());
        for (long id = BACKGROUND_FIRST; id < BACKGROUND_FIRST + BACKGROUND_PRODUCTS; id++) {
            admin.putProduct(id, new ProductRequest(1_000_000_000L, "Background " + id));
        }
        for (long id = PROBE_FIRST + run; id < PROBE_FIRST + run + probes; id++) {
            admin.putProduct(id, new ProductRequest(1L, "Probe " + id));
        }

        double[] quiet = probe(http, url, credentials.person(), shop, PROBE_FIRST + run, probes / 2);
        AtomicLong backgroundSales = new AtomicLong();
        AtomicLong backgroundFailures = new AtomicLong();
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
        int batch = Math.max(1, rate / BATCHES_PER_SECOND);
        background.scheduleAtFixedRate(() -> {
            try {
                shop.sales(backgroundBatch(batch));
                backgroundSales.addAndGet(batch);
            } catch (RuntimeException e) {
                backgroundFailures.incrementAndGet();
                System.out.println("background batch failed: " + e.getMessage());
            }
        }, 0, 1_000 / BATCHES_PER_SECOND, TimeUnit.MILLISECONDS);
        Thread.sleep(5_000); // the background up to speed
        long loadStarted = System.nanoTime();
        long salesBefore = backgroundSales.get();
        double[] loaded = probe(http, url, credentials.person(), shop, PROBE_FIRST + run + probes / 2,
                probes - probes / 2);
        double achieved = (backgroundSales.get() - salesBefore) / ((System.nanoTime() - loadStarted) / 1e9);
        background.shutdown(); // the batch in flight finishes; no interrupted request counts as failed
        background.awaitTermination(30, TimeUnit.SECONDS);

        report("no background load", quiet);
        report(String.format("background %,.0f sales/s achieved (%,d asked; %d batches failed)", achieved, rate,
                backgroundFailures.get()), loaded);
    }

    /** Sells out {@code count} probes one after the other; the milliseconds until each is on the list. */
    private static double[] probe(HttpClient http, URI url, String person, StockoutRadarClient shop, long first,
                                  int count) throws Exception {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long product = first + i;
            shop.sale(new SaleRequest(1L, product, 1L, System.currentTimeMillis() / 1000, null));
            long acknowledged = System.nanoTime();
            HttpRequest search = HttpRequest.newBuilder(url.resolve("/api/at-risk?q=" + product))
                    .header("Authorization", person).GET().build();
            while (!http.send(search, HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\"productId\":" + product + ",")) {
                if (System.nanoTime() - acknowledged > DEADLINE.toNanos()) {
                    throw new IllegalStateException("product " + product + " not on the list after " + DEADLINE);
                }
                Thread.sleep(5);
            }
            millis[i] = (System.nanoTime() - acknowledged) / 1e6;
        }
        return millis;
    }

    private static List<SaleRequest> backgroundBatch(int size) {
        List<SaleRequest> sales = new ArrayList<>(size);
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < size; i++) {
            sales.add(new SaleRequest(1L, BACKGROUND_FIRST + (long) (Math.random() * BACKGROUND_PRODUCTS), 1L, now,
                    null));
        }
        return sales;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("sale to at-risk list, %s: %d probes, ms p50 %.0f  p99 %.0f  max %.0f%n", what,
                sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
