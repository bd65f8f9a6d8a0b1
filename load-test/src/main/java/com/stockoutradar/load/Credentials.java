package com.stockoutradar.load;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.stockoutradar.api.StockoutRadarClient;

/**
 * Who a bench is to the application: a machine with an API key (INGEST) records the sales; a person (ADMIN, or the
 * roles a bench needs: VIEWER, INVENTORY, OPERATOR, ANALYST) reads, imports, refreshes, reads metrics and stops it.
 * A bench that starts the application makes up its own and hands them to it; one that talks to an application
 * someone else started takes {@code --api-key}, {@code --user} and {@code --password}, or the environment variables
 * {@code RADAR_API_KEY}, {@code RADAR_USER} and {@code RADAR_PASSWORD} (a new installation prints its admin password
 * and API key once, in its start banner).
 */
final class Credentials {
    private static final String BENCH = "bench";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String apiKey;
    private final String user;
    private final String password;

    private Credentials(String apiKey, String user, String password) {
        this.apiKey = apiKey;
        this.user = user;
        this.password = password;
    }

    /** Made up for an application this run starts, new every run. */
    static Credentials generated() {
        return new Credentials(secret(), BENCH, secret());
    }

    /** For an application someone else started: the options first, then the environment. */
    static Credentials given(Map<String, String> options) {
        return new Credentials(options.getOrDefault("api-key", System.getenv("RADAR_API_KEY")),
                options.getOrDefault("user", System.getenv("RADAR_USER")),
                options.getOrDefault("password", System.getenv("RADAR_PASSWORD")));
    }

    /** The {@code Authorization} header of requests that record sales. */
    String ingest() {
        return StockoutRadarClient.bearer(apiKey());
    }

    String apiKey() {
        return required(apiKey, "an API key with the INGEST role: --api-key=… or RADAR_API_KEY");
    }

    /** The {@code Authorization} header of everything but recording sales. */
    String person() {
        return StockoutRadarClient.basic(user(), password());
    }

    String user() {
        return required(user, "a user (ADMIN, or the roles this bench uses): --user=… or RADAR_USER");
    }

    String password() {
        return required(password, "the password of --user: --password=… or RADAR_PASSWORD");
    }

    /** Tells an application this run starts who the bench is: a user with every role and an ingestion key. */
    List<String> applicationArguments() {
        return List.of("--radar.security.users." + BENCH + ".password={noop}" + password,
                "--radar.security.users." + BENCH + ".roles=ADMIN",
                "--radar.security.api-keys." + BENCH + ".key=" + apiKey,
                "--radar.security.api-keys." + BENCH + ".roles=INGEST");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what + " (a new installation prints its admin password "
                    + "and API key once, in its start banner)");
        }
        return value;
    }

    private static String secret() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
