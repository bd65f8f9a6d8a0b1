package com.stockoutradar.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * The application under load, seen from the load test: wait until it is up, stop it gracefully (so its last
 * pending writes reach PostgreSQL and its PostgreSQL stops with it); both as an ADMIN user.
 * <pre>
 * java -cp load-test.jar com.stockoutradar.load.Application await|stop http://127.0.0.1:8080 --user=… --password=…
 * </pre>
 * ({@code RADAR_USER} and {@code RADAR_PASSWORD} instead of the options).
 */
public final class Application {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        String authorization = Credentials.given(IngestBench.options(Arrays.copyOfRange(args, 2, args.length)))
                .person();
        switch (args[0]) {
            case "await" -> awaitUp(base, authorization, Duration.ofMinutes(3));
            case "stop" -> stop(base, authorization);
            default -> throw new IllegalArgumentException("await or stop, not " + args[0]);
        }
    }

    /** Polls the health endpoint until it answers UP. */
    public static void awaitUp(URI base, String authorization, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(base + " did not come up within " + atMost);
    }

    /** Asks the application to shut down and waits until it no longer answers. */
    public static void stop(URI base, String authorization) throws InterruptedException {
        try {
            HttpResponse<Void> stopping = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/shutdown"))
                    .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (stopping.statusCode() != 200) {
                throw new IllegalStateException("POST /actuator/shutdown answered " + stopping.statusCode()
                        + ": it needs an ADMIN user and management.endpoint.shutdown.access=unrestricted");
            }
        } catch (IOException alreadyGone) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                Thread.sleep(500);
            } catch (IOException gone) {
                Thread.sleep(3_000); // the JVM finishes closing the grid and PostgreSQL after the port closes
                return;
            }
        }
        throw new IllegalStateException(base + " did not stop within 2 minutes");
    }
}
