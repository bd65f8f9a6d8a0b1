package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * {@code POST /sales}: batches ({@code batchSize}, default 500) at a constant rate of batches per second; then the
 * nothing-lost check.
 */
public class BatchIngestion extends Simulation {
    private static final double RATE = LoadSettings.rate(4);
    private static final int BATCH_SIZE = Integer.getInteger("batchSize", 500);
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong();
    private final NothingLost nothingLost = new NothingLost();

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadSettings.BASE_URL)
            .contentTypeHeader("application/json").acceptHeader("application/json")
            // senders are services with a keep-alive pool, not a new browser per request
            .shareConnections();

    private final ScenarioBuilder batches = scenario("sale batches")
            .exec(http("POST /sales")
                    .post("/sales")
                    .body(StringBody(session -> batch()))
                    .check(status().is(201), jsonPath("$.count").ofInt().is(BATCH_SIZE)))
            .exec(session -> {
                if (!session.isFailed()) {
                    ACKNOWLEDGED.addAndGet(BATCH_SIZE);
                }
                return session;
            });

    {
        setUp(batches.injectOpen(constantUsersPerSec(RATE).during(LoadSettings.duration())))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().is(0.0),
                        global().responseTime().percentile(99.0).lt(LoadSettings.p99Millis(2_000)),
                        global().requestsPerSec().gte(RATE * 0.7));
    }

    private static String batch() {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < BATCH_SIZE; i++) {
            json.add(LoadSettings.saleJson(null));
        }
        return json.toString();
    }

    @Override
    public void before() {
        LoadSettings.awaitApplication();
        nothingLost.before();
    }

    @Override
    public void after() {
        nothingLost.verify(ACKNOWLEDGED.get());
    }
}
