package com.stockoutradar.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.stockoutradar.api.ProductRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.web.TestAccounts;

/**
 * People sign in on the login page and keep a session; every form of that session needs its CSRF token; signing
 * out ends it. Refusals and people's writes go to the audit log. A refresh as of another moment is a backtest.
 */
@GridIntegrationTest
class SigningInIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    Radar radar;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void listenToTheAuditLog() {
        audit.start();
        ((Logger) LoggerFactory.getLogger("radar.audit")).addAppender(audit);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("radar.audit")).detachAppender(audit);
    }

    @Test
    void aPersonSignsInUsesTheFormsWithTheirTokenAndSignsOut() throws Exception {
        assertThat(signIn("operator", "operator-secret").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        HttpResponse<String> dashboard = get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"signed-in-as\">operator<", "id=\"refresh-button\"");

        assertThat(post("/refresh", "").statusCode()).as("a form without its token").isEqualTo(403);
        assertThat(post("/refresh", "_csrf=" + token(dashboard)).statusCode()).isEqualTo(302);

        assertThat(post("/logout", "_csrf=" + token(get("/"))).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?signed-out"));
        assertThat(get("/").statusCode()).as("signed out: back to the login page").isEqualTo(302);
    }

    @Test
    void aWrongPasswordOnTheLoginPageIsRefusedAndAudited() throws Exception {
        HttpResponse<String> refused = signIn("operator", "guess");

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(get("/").statusCode()).isEqualTo(302);
        assertThat(auditLines()).anySatisfy(line -> assertThat(line).contains("sign-in of 'operator' failed"));
    }

    @Test
    void aViewerSeesTheDashboardWithoutTheRefreshButton() throws Exception {
        signIn("viewer", "viewer-secret");

        assertThat(get("/").body()).contains("id=\"signed-in-as\">viewer<").doesNotContain("id=\"refresh-button\"");
    }

    @Test
    void refusalsAndWritesByPeopleAreAuditedWithWhoWhatAndFromWhere() {
        long product = radar.newProduct(5); // a write by the admin, a person
        radar.as(TestAccounts.VIEWER).put("/inventory/" + product, "{\"stock\":1}");
        radar.as(null).get("/api/at-risk");

        assertThat(auditLines()).anySatisfy(line -> assertThat(line)
                        .contains("write by user admin: PUT /inventory/" + product, "from 127.0.0.1", ": 20"))
                .anySatisfy(line -> assertThat(line)
                        .contains("refused user viewer PUT /inventory/" + product, "from 127.0.0.1", "403"))
                .anySatisfy(line -> assertThat(line).contains("refused anonymous GET /api/at-risk", "401"));
    }

    @Test
    void aRefreshAsOfAnotherMomentIsABacktestAndNeverReplacesTheCurrentList() {
        radar.client.putProduct(radar.newProduct(0), new ProductRequest(0L, "Out of stock"));
        long current = radar.post("/api/risk/refresh", "").body().get("id").asLong();

        Radar.Answer backtest = radar.as(TestAccounts.OPERATOR).post("/api/risk/refresh?now=0", "");

        assertThat(backtest.status()).isEqualTo(200);
        assertThat(backtest.body().get("id").asLong()).isGreaterThan(current);
        assertThat(backtest.body().get("computedAt").asLong()).isZero();
        assertThat(radar.get("/api/at-risk").body().get("refresh").get("id").asLong())
                .as("the dashboard's list").isEqualTo(current);
    }

    @Test
    void aFullRefreshAssessesEveryProductWhereAPlainOneAssessesWhatMoved() {
        radar.client.putProduct(radar.newProduct(0), new ProductRequest(0L, "Out of stock"));
        radar.post("/api/risk/refresh", "");

        Radar.Answer full = radar.as(TestAccounts.OPERATOR).post("/api/risk/refresh?full=true", "");
        Radar.Answer plain = radar.as(TestAccounts.OPERATOR).post("/api/risk/refresh", "");

        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body().get("productsAssessed").asLong()).isEqualTo(full.body().get("productsScanned").asLong());
        assertThat(plain.body().get("productsAssessed").asLong()).as("none moved since the full one")
                .isLessThan(plain.body().get("productsScanned").asLong());
        assertThat(radar.as(TestAccounts.OPERATOR).post("/api/risk/refresh?full=maybe", "").status()).isEqualTo(400);
    }

    private HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token(get("/login"));
        return post("/login", form);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(radar.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(radar.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> page) {
        Matcher match = CSRF.matcher(page.body());
        assertThat(match.find()).as("a CSRF token in the page's forms").isTrue();
        return URLEncoder.encode(match.group(1), StandardCharsets.UTF_8);
    }

    private List<String> auditLines() {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
