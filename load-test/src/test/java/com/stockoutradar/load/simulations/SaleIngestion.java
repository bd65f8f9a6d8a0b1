package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * Single {@code POST /sale} at a constant arrival rate (open model), products drawn with a popularity skew, half of
 * them with an event id. Then checks that every acknowledged sale reached PostgreSQL and the grid exactly once.
 */
public class SaleIngestion extends IngestionSimulation {
    private static final double RATE = LoadSettings.rate(20);

    private final ScenarioBuilder sales = scenario("single sales")
            .exec(http("POST /sale")
                    .post("/sale")
                    .header("Authorization", LoadSettings.machine())
                    .body(StringBody(session -> LoadSettings.saleJson(
                            ThreadLocalRandom.current().nextBoolean() ? UUID.randomUUID().toString() : null)))
                    .check(status().is(201)))
            .exec(acknowledge(1));

    {
        setUp(sales.injectOpen(constantUsersPerSec(RATE).during(LoadSettings.duration())))
                .protocols(jsonSender())
                .assertions(holds(RATE, 1_000));
    }

}
