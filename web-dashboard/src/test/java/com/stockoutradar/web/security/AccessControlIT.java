package com.stockoutradar.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.api.StockoutRadarClient;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;

/**
 * Every endpoint asks who is calling: anonymous callers get 401 (a page: the login page), a wrong password or key
 * 401, a caller without the role 403, all as problem+json; the role the endpoint names gets through. Only the
 * health status is open; the API's description is for anyone signed in.
 */
@GridIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {
    private static final long PRODUCT = 900_001;
    private static final String WRONG_PASSWORD = StockoutRadarClient.basic("operator", "not-the-password");
    private static final String WRONG_KEY = StockoutRadarClient.bearer("not-a-key");

    @Autowired
    Radar radar;

    /** One request of an endpoint, who may make it, who may not, and what it answers when allowed. */
    record Call(String method, String path, String contentType, String body, String allowed, String notAllowed,
                int answer) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void aProductToWorkOn() {
        radar.client.putProduct(PRODUCT, new ProductRequest(1_000_000L, "Guarded"));
    }

    static Stream<Call> calls() {
        String sale = "{\"customerId\":1,\"productId\":" + PRODUCT + ",\"quantity\":1,\"timestamp\":" + Radar.now()
                + "}";
        String restock = "{\"productId\":" + PRODUCT + ",\"quantity\":1,\"timestamp\":" + Radar.now() + "}";
        String json = "application/json";
        return Stream.of(
                new Call("POST", "/sale", json, sale, TestAccounts.SHOP_KEY, TestAccounts.CATALOGUE_KEY, 201),
                new Call("POST", "/restock", json, restock, TestAccounts.SHOP_KEY, TestAccounts.VIEWER, 201),
                new Call("POST", "/sales", json, "[" + sale + "]", TestAccounts.SHOP_KEY, TestAccounts.OPERATOR, 201),
                new Call("PUT", "/inventory/" + PRODUCT, json, "{\"stock\":1000000,\"name\":\"Guarded\"}",
                        TestAccounts.CATALOGUE_KEY, TestAccounts.SHOP_KEY, 200),
                new Call("POST", "/inventory/import", "text/csv", PRODUCT + ",1000000,Guarded\n", TestAccounts.CLERK,
                        TestAccounts.VIEWER, 200),
                new Call("GET", "/inventory/" + PRODUCT, null, null, TestAccounts.VIEWER, TestAccounts.SHOP_KEY, 200),
                new Call("GET", "/api/at-risk", null, null, TestAccounts.VIEWER, TestAccounts.CLERK, 200),
                new Call("GET", "/api/at-risk.csv", null, null, TestAccounts.VIEWER, TestAccounts.ANALYST, 200),
                new Call("GET", "/api/products/" + PRODUCT + "/history", null, null, TestAccounts.VIEWER,
                        TestAccounts.CATALOGUE_KEY, 200),
                new Call("POST", "/api/risk/refresh", null, "", TestAccounts.OPERATOR, TestAccounts.VIEWER, 200),
                new Call("POST", "/api/risk/refresh?now=" + (Radar.now() - 86_400), null, "", TestAccounts.OPERATOR,
                        TestAccounts.SHOP_KEY, 200),
                new Call("POST", "/refresh", null, "", TestAccounts.OPERATOR, TestAccounts.VIEWER, 302),
                new Call("GET", "/api/backtest", null, null, TestAccounts.VIEWER, TestAccounts.SHOP_KEY, 200),
                new Call("POST", "/api/backtest", null, "", TestAccounts.OPERATOR, TestAccounts.VIEWER, 200),
                new Call("GET", "/products/" + PRODUCT, null, null, TestAccounts.VIEWER, TestAccounts.SHOP_KEY, 200),
                new Call("GET", "/", null, null, TestAccounts.VIEWER, TestAccounts.SHOP_KEY, 200),
                new Call("GET", "/actuator/metrics", null, null, TestAccounts.ADMIN, TestAccounts.SCRAPER_KEY, 200),
                new Call("GET", "/actuator/prometheus", null, null, TestAccounts.SCRAPER_KEY, TestAccounts.OPERATOR,
                        200),
                new Call("GET", "/actuator/info", null, null, TestAccounts.ADMIN, TestAccounts.VIEWER, 200));
    }

    static Stream<Arguments> callsWithoutCredentials() {
        return calls().map(call -> Arguments.of(call, call.method().equals("GET")
                && (call.path().equals("/") || call.path().startsWith("/products/"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsWithoutCredentials")
    void anonymousCallersAreAskedToSignIn(Call call, boolean page) {
        Radar.Answer answer = send(call, null);

        if (page) {
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        } else {
            assertRefused(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aWrongPasswordOrKeyIsRefused(Call call) {
        assertRefused(send(call, WRONG_PASSWORD), 401);
        assertRefused(send(call, WRONG_KEY), 401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aCallerWithoutTheRoleIsForbidden(Call call) {
        assertRefused(send(call, call.notAllowed()), 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theRoleTheEndpointNamesGetsThrough(Call call) {
        assertThat(send(call, call.allowed()).status()).isEqualTo(call.answer());
    }

    @Test
    void anyoneSeesTheHealthStatusAndOnlyAnAdminItsDetails() {
        Radar.Answer anonymous = radar.as(null).get("/actuator/health");
        Radar.Answer viewer = radar.as(TestAccounts.VIEWER).get("/actuator/health");
        Radar.Answer admin = radar.as(TestAccounts.ADMIN).get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().fieldNames()).toIterable().containsExactly("status");
        assertThat(viewer.body().fieldNames()).toIterable().containsExactly("status");
        assertThat(admin.body().get("components").get("grid").get("details").get("serverNodes").asInt())
                .isEqualTo(1);
    }

    @Test
    void anAdminReadsThePrometheusSeriesToo() {
        Radar.Answer answer = radar.as(TestAccounts.ADMIN).get("/actuator/prometheus");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v3/api-docs", "/swagger-ui/index.html"})
    void theApiDescriptionIsForAnyoneSignedInWithAnyRole(String path) {
        for (String anyone : List.of(TestAccounts.SHOP_KEY, TestAccounts.CATALOGUE_KEY, TestAccounts.SCRAPER_KEY,
                TestAccounts.VIEWER, TestAccounts.CLERK, TestAccounts.ANALYST, TestAccounts.OPERATOR)) {
            assertThat(radar.as(anyone).get(path).status()).as(anyone).isEqualTo(200);
        }
        assertRefused(radar.as(WRONG_PASSWORD).get(path), 401);
        assertRefused(radar.as(WRONG_KEY).get(path), 401);
    }

    @Test
    void anonymousCallersOfTheApiDescriptionAreAskedToSignIn() {
        assertRefused(radar.as(null).get("/v3/api-docs"), 401);

        Radar.Answer swaggerUi = radar.as(null).get("/swagger-ui/index.html");

        assertThat(swaggerUi.status()).isEqualTo(302);
        assertThat(swaggerUi.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private Radar.Answer send(Call call, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(radar.uri(call.path()));
        if (call.body() != null) {
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        return radar.as(authorization).send(request.build());
    }

    private static void assertRefused(Radar.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }
}
