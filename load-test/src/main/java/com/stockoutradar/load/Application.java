package com.stockoutradar.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The application under load, seen from the load test: wait until it is up, stop it gracefully (so its last
 * pending writes reach PostgreSQL and its PostgreSQL stops with it).
 * <pre>java -cp load-test.jar com.stockoutradar.load.Application await|stop http://127.0.0.1:8080</pre>
 */
public final class Application {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[1]);
        switch (args[0]) {
            case "await" -> awaitUp(base, Duration.ofMinutes(3));
            case "stop" -> stop(base);
            default -> throw new IllegalArgumentException("await or stop, not " + args[0]);
        }
    }

    /** Polls the health endpoint until it answers UP. */
    public static void awaitUp(URI base, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
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
    public static void stop(URI base) throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
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
