package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * A day's mix at once: sales at the brief's peak rate ({@code rate}, default low for the smoke) from a machine with
 * the API key, twelve signed-in analysts on the dashboard, risk refreshes running back to back, and analysts running
 * the SQL of docs/analysts.md through thin JDBC ({@link SqlAnalysts}: {@code -DsqlAnalysts=0} runs the same mix
 * without them, for the ingestion p99 to compare); then the nothing-lost check.
 */
public class MixedDay extends IngestionSimulation {
    private static final double RATE = LoadSettings.rate(20);
    private static final String MACHINE = LoadSettings.machine();
    private static final String PERSON = LoadSettings.person();

    private final SqlAnalysts sqlAnalysts = new SqlAnalysts();

    private final ScenarioBuilder sales = scenario("sales")
            .exec(http("POST /sale").post("/sale").header("Authorization", MACHINE)
                    .body(StringBody(session -> LoadSettings.saleJson(null))).check(status().is(201)))
            .exec(acknowledge(1));

    private final ScenarioBuilder analysts = scenario("analysts")
            .during(LoadSettings.duration()).on(
                    exec(http("dashboard").get("/").header("Accept", "text/html").header("Authorization", PERSON)
                            .check(status().is(200)))
                            .exec(http("at-risk API").get("/api/at-risk?limit=100").header("Authorization", PERSON)
                                    .check(status().is(200), jsonPath("$.products[0].productId").saveAs("product")))
                            .exec(http("product history").get("/api/products/#{product}/history?days=28")
                                    .header("Authorization", PERSON).check(status().is(200)))
                            .pause(Duration.ofMillis(500)));

    private final ScenarioBuilder refreshes = scenario("risk refresh")
            .during(LoadSettings.duration()).on(
                    exec(http("POST /api/risk/refresh").post("/api/risk/refresh").header("Authorization", PERSON)
                            .check(status().is(200))));

    {
        setUp(sales.injectOpen(constantUsersPerSec(RATE).during(LoadSettings.duration())),
                analysts.injectClosed(constantConcurrentUsers(12).during(LoadSettings.duration())),
                refreshes.injectClosed(constantConcurrentUsers(1).during(LoadSettings.duration())))
                .protocols(jsonSender())
                // a refresh answers when it is done, so only the sales and pages are held to a latency
                .assertions(
                        global().failedRequests().percent().is(0.0),
                        details("POST /sale").responseTime().percentile(99.0).lt(LoadSettings.p99Millis(1_000)),
                        details("dashboard").responseTime().percentile(99.0).lt(LoadSettings.p99Millis(1_000)));
    }

    @Override
    public void before() {
        super.before();
        sqlAnalysts.start();
    }

    @Override
    public void after() {
        try {
            sqlAnalysts.stop();
        } finally {
            super.after();
        }
    }

}
