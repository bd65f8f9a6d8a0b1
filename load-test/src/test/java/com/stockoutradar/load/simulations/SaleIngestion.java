package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Single {@code POST /sale} at a constant arrival rate (open model), products drawn with a popularity skew, half of
 * them with an event id. Then checks that every acknowledged sale reached PostgreSQL and the grid exactly once.
 */
public class SaleIngestion extends Simulation {
    private static final double RATE = LoadSettings.rate(20);
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong();
    private final NothingLost nothingLost = new NothingLost();

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadSettings.BASE_URL)
            .contentTypeHeader("application/json").acceptHeader("application/json")
            // senders are services with a keep-alive pool, not a new browser per request
            .shareConnections();

    private final ScenarioBuilder sales = scenario("single sales")
            .exec(http("POST /sale")
                    .post("/sale")
                    .body(StringBody(session -> LoadSettings.saleJson(
                            ThreadLocalRandom.current().nextBoolean() ? UUID.randomUUID().toString() : null)))
                    .check(status().is(201)))
            .exec(session -> {
                if (!session.isFailed()) {
                    ACKNOWLEDGED.incrementAndGet();
                }
                return session;
            });

    {
        setUp(sales.injectOpen(constantUsersPerSec(RATE).during(LoadSettings.duration())))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().is(0.0),
                        global().responseTime().percentile(99.0).lt(LoadSettings.p99Millis(1_000)),
                        global().requestsPerSec().gte(RATE * 0.7));
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
