package com.stockoutradar.load.simulations;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.stockoutradar.api.StockoutRadarClient;
import com.stockoutradar.load.Application;

/**
 * What every simulation is run with, from system properties: {@code baseUrl}, {@code seconds}, {@code rate} (per
 * second), {@code p99} (ms) and {@code products} (ids 1..n, the demo shop's 250 by default). The build runs them as a
 * smoke profile (a few seconds at a low rate); full runs set their own. Sales are sent with the API key
 * {@code apiKey} (INGEST); everything else as {@code user} with {@code password} (VIEWER and OPERATOR, or ADMIN; the
 * SQL analysts and the nothing-lost check sign in with them on the thin JDBC port {@code igniteJdbc}, so ANALYST too).
 */
final class LoadSettings {
    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    static final int SECONDS = Integer.getInteger("seconds", 60);
    static final int PRODUCTS = Integer.getInteger("products", 250);
    private static final double ZIPF_EXPONENT = 1.0;
    private static final double[] POPULARITY = cumulativePopularity();

    private LoadSettings() {
    }

    static double rate(double smokeDefault) {
        return Double.parseDouble(System.getProperty("rate", String.valueOf(smokeDefault)));
    }

    static int p99Millis(int smokeDefault) {
        return Integer.getInteger("p99", smokeDefault);
    }

    static Duration duration() {
        return Duration.ofSeconds(SECONDS);
    }

    /** The {@code Authorization} header of requests that record sales. */
    static String machine() {
        return StockoutRadarClient.bearer(required("apiKey", "an API key with the INGEST role"));
    }

    /** The {@code Authorization} header of people's requests: pages, reads, refreshes. */
    static String person() {
        return StockoutRadarClient.basic(user(), password());
    }

    static String user() {
        return required("user", "a user with VIEWER and OPERATOR (or ADMIN)");
    }

    static String password() {
        return required("password", "the password of -Duser");
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is missing: " + what);
        }
        return value;
    }

    static void awaitApplication() {
        try {
            Application.awaitUp(URI.create(BASE_URL), person(), Duration.ofMinutes(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A product id with realistic skew: a few products sell most (Zipf over the catalogue). */
    static long product() {
        double roll = ThreadLocalRandom.current().nextDouble();
        int low = 0;
        int high = POPULARITY.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (POPULARITY[middle] < roll) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low + 1L;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String saleJson(String eventId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"customerId\":" + random.nextInt(1, 10_000_001) + ",\"productId\":" + product()
                + ",\"quantity\":" + random.nextInt(1, 4) + ",\"timestamp\":" + now()
                + (eventId == null ? "" : ",\"eventId\":\"" + eventId + "\"") + "}";
    }

    private static double[] cumulativePopularity() {
        double[] cumulative = new double[PRODUCTS];
        double total = 0;
        for (int i = 0; i < PRODUCTS; i++) {
            total += 1 / Math.pow(i + 1, ZIPF_EXPONENT);
            cumulative[i] = total;
        }
        for (int i = 0; i < PRODUCTS; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }
}
