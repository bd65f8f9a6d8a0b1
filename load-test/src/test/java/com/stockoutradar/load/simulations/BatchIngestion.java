package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.StringJoiner;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * {@code POST /sales}: batches ({@code batchSize}, default 500) at a constant rate of batches per second; then the
 * nothing-lost check.
 */
public class BatchIngestion extends IngestionSimulation {
    private static final double RATE = LoadSettings.rate(4);
    private static final int BATCH_SIZE = Integer.getInteger("batchSize", 500);

    private final ScenarioBuilder batches = scenario("sale batches")
            .exec(http("POST /sales")
                    .post("/sales")
                    .header("Authorization", LoadSettings.machine())
                    .body(StringBody(session -> batch()))
                    .check(status().is(201), jsonPath("$.count").ofInt().is(BATCH_SIZE)))
            .exec(acknowledge(BATCH_SIZE));

    {
        setUp(batches.injectOpen(constantUsersPerSec(RATE).during(LoadSettings.duration())))
                .protocols(jsonSender())
                .assertions(holds(RATE, 2_000));
    }

    private static String batch() {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < BATCH_SIZE; i++) {
            json.add(LoadSettings.saleJson(null));
        }
        return json.toString();
    }

}
