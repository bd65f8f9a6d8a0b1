package com.stockoutradar.load.simulations;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** A simulation that writes changes: it counts what was acknowledged and checks afterwards that nothing was lost. */
abstract class IngestionSimulation extends Simulation {
    private final AtomicLong acknowledged = new AtomicLong();
    private final NothingLost nothingLost = new NothingLost();

    /**
     * JSON over keep-alive connections: senders are services with a pool, not a new browser per request. Each
     * request names who sends it ({@link LoadSettings#machine}, {@link LoadSettings#person}).
     */
    static HttpProtocolBuilder jsonSender() {
        return http.baseUrl(LoadSettings.BASE_URL)
                .contentTypeHeader("application/json").acceptHeader("application/json")
                .shareConnections();
    }

    /**
     * No request fails, p99 under {@code -Dp99} (or the smoke's {@code smokeP99Millis}), and at least 70 % of the
     * offered {@code rate} is served.
     */
    static Assertion[] holds(double rate, int smokeP99Millis) {
        return new Assertion[] {
            global().failedRequests().percent().is(0.0),
            global().responseTime().percentile(99.0).lt(LoadSettings.p99Millis(smokeP99Millis)),
            global().requestsPerSec().gte(rate * 0.7)};
    }

    /** Counts {@code changes} as acknowledged when the request before it succeeded. */
    ChainBuilder acknowledge(long changes) {
        return exec(session -> {
            if (!session.isFailed()) {
                acknowledged.addAndGet(changes);
            }
            return session;
        });
    }

    @Override
    public void before() {
        LoadSettings.awaitApplication();
        nothingLost.before();
    }

    @Override
    public void after() {
        nothingLost.verify(acknowledged.get());
    }
}
