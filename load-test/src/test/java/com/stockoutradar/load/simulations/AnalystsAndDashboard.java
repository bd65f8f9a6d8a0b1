package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Twelve analysts at once (closed model), signed in, each going round the dashboard, the at-risk API, a product page
 * with its history, and the CSV export, with a short pause between pages.
 */
public class AnalystsAndDashboard extends Simulation {
    private static final int ANALYSTS = Integer.getInteger("analysts", 12);

    private final HttpProtocolBuilder protocol = http.baseUrl(LoadSettings.BASE_URL)
            .authorizationHeader(LoadSettings.person());

    private final ScenarioBuilder analyst = scenario("analyst")
            .during(LoadSettings.duration()).on(
                    exec(http("dashboard").get("/").check(status().is(200)))
                            .exec(http("at-risk API").get("/api/at-risk?limit=100")
                                    .check(status().is(200), jsonPath("$.products[0].productId").saveAs("product")))
                            .exec(http("product page").get("/products/#{product}").check(status().is(200)))
                            .exec(http("product history").get("/api/products/#{product}/history?days=28")
                                    .check(status().is(200)))
                            .exec(http("trending filter").get("/?class=TRENDING").check(status().is(200)))
                            .exec(http("CSV export").get("/api/at-risk.csv").check(status().is(200)))
                            .pause(Duration.ofMillis(200)));

    {
        setUp(analyst.injectClosed(constantConcurrentUsers(ANALYSTS).during(LoadSettings.duration())))
                .protocols(protocol)
                .assertions(
                        global().failedRequests().percent().is(0.0),
                        global().responseTime().percentile(99.0).lt(LoadSettings.p99Millis(1_000)));
    }

    @Override
    public void before() {
        LoadSettings.awaitApplication();
    }
}
