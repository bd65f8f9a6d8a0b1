package com.stockoutradar.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.stockoutradar.api.RestockRequest;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.api.SaleRequest;
import com.stockoutradar.web.GridIntegrationTest;
import com.stockoutradar.web.Radar;
import com.stockoutradar.grid.risk.RiskRefresher;

/**
 * The dashboard in a real browser (Debian's headless Chromium, which .ci/run installs) on the demo shop, refreshed
 * and backtested at start-up as a newcomer would see it, signed in on the login page as an operator.
 */
@GridIntegrationTest
@TestPropertySource(properties = {"radar.demo.enabled=true", "radar.risk.refresh-on-start=true",
        "radar.risk.backtest-on-start=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** From the change's acknowledgement to the open page. */
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(2);

    @Autowired
    Radar radar;
    @Autowired
    RiskRefresher refresher;

    WebDriver browser;

    @BeforeAll
    void openBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian packages chromium and chromium-driver are installed (.ci/run installs them)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        await().atMost(Duration.ofSeconds(60)).until(() -> radar.get("/api/at-risk").body().get("refresh").isObject());
        // the start-up backtest too (a GET waits for it): the tests' timings assume a quiet application
        assertThat(radar.get("/api/backtest").status()).isEqualTo(200);
        signInAsAnOperator();
    }

    /** The dashboard sends a browser without a session to its login page, and back after signing in. */
    private void signInAsAnOperator() {
        browser.get(radar.uri("/").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("operator-secret");
        browser.findElement(By.id("sign-in-button")).click();
        wait(driver -> !driver.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("operator");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dashboardShowsTheDemoShopsAtRiskProductsMostAtRiskFirst() {
        JsonNode api = radar.get("/api/at-risk?limit=1000").body();

        browser.get(radar.uri("/").toString());

        List<WebElement> rows = browser.findElements(By.cssSelector("#at-risk tbody tr"));
        assertThat(api.get("total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(rows).hasSize(api.get("total").asInt());
        assertThat(rows.get(0).findElement(By.className("product-link")).getText())
                .isEqualTo(api.get("products").get(0).get("productId").asText());
        assertThat(browser.findElement(By.id("refreshed-at")).getText()).endsWith("UTC");
        assertThat(browser.findElement(By.cssSelector("#count-TRENDING strong")).getText())
                .isEqualTo(api.get("counts").get("trending").asText());
    }

    @Test
    void filtersByRiskClassAndSearchesByName() {
        browser.get(radar.uri("/").toString());

        new Select(browser.findElement(By.id("class-filter"))).selectByValue("TRENDING");
        wait(driver -> driver.getCurrentUrl().contains("class=TRENDING"));
        List<WebElement> trending = browser.findElements(By.cssSelector("#at-risk tbody tr .badge"));
        assertThat(trending).isNotEmpty().allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("trending"));

        browser.get(radar.uri("/").toString());
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("backpack");
        browser.findElement(By.id("filter-button")).click();
        wait(driver -> driver.getCurrentUrl().contains("q=backpack"));
        assertThat(browser.findElements(By.cssSelector("#at-risk tbody tr td:nth-child(3)")))
                .isNotEmpty().allSatisfy(name -> assertThat(name.getText()).containsIgnoringCase("backpack"));
    }

    @Test
    void productPageDrawsItsHistoryAndProjectionWithChartJs() {
        browser.get(radar.uri("/").toString());
        WebElement first = browser.findElement(By.cssSelector("#at-risk tbody tr .product-link"));
        String productId = first.getText();
        first.click();

        wait(driver -> driver.getCurrentUrl().endsWith("/products/" + productId));
        assertThat(browser.findElement(By.id("risk-class")).getText()).isNotBlank();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait(driver -> Boolean.TRUE.equals(js.executeScript("return !!document.getElementById('history-chart').chart")));
        Long stockPoints = (Long) js.executeScript("return document.getElementById('history-chart').chart"
                + ".data.datasets.find(d => d.label === 'Stock').data.filter(v => v !== null).length");
        Long salesDays = (Long) js.executeScript("return document.getElementById('history-chart').chart"
                + ".data.datasets.find(d => d.label === 'Sold').data.filter(v => v > 0).length");
        assertThat(stockPoints).isEqualTo(28);
        assertThat(salesDays).isPositive();
        Boolean painted = (Boolean) js.executeScript("""
                const c = document.getElementById('history-chart');
                const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                return false;""");
        assertThat(painted).as("the canvas has been drawn on").isTrue();
    }

    @Test
    void theBacktestPanelShowsHowOftenTheListWasRightAndDrawsItDayByDay() {
        JsonNode backtest = radar.get("/api/backtest").body();

        browser.get(radar.uri("/").toString());

        assertThat(backtest.get("model").get("f1").isNumber()).as("the demo shop's products ran out some days")
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("#backtest-model .f1")).getText())
                .isEqualTo(score(backtest.get("model").get("f1")));
        assertThat(browser.findElement(By.cssSelector("#backtest-rule .precision")).getText())
                .isEqualTo(score(backtest.get("rule").get("precision")));
        assertThat(browser.findElement(By.cssSelector("#backtest-TRENDING .recall")).getText())
                .isEqualTo(score(backtest.get("classes").get("TRENDING").get("recall")));
        assertThat(browser.findElement(By.id("best-level")).getText()).isEqualTo(
                String.format(Locale.ROOT, "%.0f %%", 100 * backtest.get("best").get("level").asDouble()));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait(driver -> Boolean.TRUE.equals(js.executeScript(
                "return !!document.getElementById('backtest-chart').chart")));
        Long points = (Long) js.executeScript("return document.getElementById('backtest-chart').chart"
                + ".data.datasets.find(d => d.label === 'Model F1').data.length");
        assertThat(points).isEqualTo(backtest.get("days").asLong());
    }

    /** As the page shows a score: two decimals, or a dash when there was nothing to measure it on. */
    private static String score(JsonNode value) {
        return value.isNull() ? "—" : String.format(Locale.ROOT, "%.2f", value.asDouble());
    }

    @Test
    void refreshButtonRunsARefreshAndShowsIt() {
        long before = radar.get("/api/at-risk").body().get("refresh").get("id").asLong();
        browser.get(radar.uri("/").toString());

        browser.findElement(By.id("refresh-button")).click();

        wait(driver -> radar.get("/api/at-risk").body().get("refresh").get("id").asLong() > before);
        assertThat(browser.findElements(By.cssSelector("#at-risk tbody tr"))).isNotEmpty();
    }

    @Test
    void anOpenDashboardShowsAProductSellingOutAndLeavingTheListWithoutAReload() {
        browser.get(radar.uri("/").toString());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait(driver -> driver.findElement(By.id("live-status")).getText().equals("live"));
        js.executeScript("window.__marker = 'still the same page'");
        long product = radar.newProduct(2);

        radar.client.sale(new SaleRequest(7L, product, 2L, Radar.now(), null));
        new WebDriverWait(browser, SHOWS_WITHIN).until(driver -> badgeOf(product) != null);
        assertThat(badgeOf(product)).isEqualTo("out of stock");

        radar.client.restock(new RestockRequest(product, 10_000L, Radar.now(), null));
        new WebDriverWait(browser, SHOWS_WITHIN).until(driver -> badgeOf(product) == null);

        assertThat(js.executeScript("return window.__marker")).as("the page was not reloaded")
                .isEqualTo("still the same page");
    }

    /** The risk badge in the product's row of the open page, null when it has none; read at once, in the page. */
    private String badgeOf(long product) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const link = [...document.querySelectorAll('#at-risk tbody .product-link')]
                        .find(a => a.textContent === arguments[0]);
                return link ? link.closest('tr').querySelector('.badge').textContent : null;""",
                Long.toString(product));
    }

    @Test
    void aSecondRefreshRequestJoinsTheRunningOne() {
        CompletableFuture<RiskRefreshView> first = refresher.refresh();
        CompletableFuture<RiskRefreshView> second = refresher.refresh();

        assertThat(second).isSameAs(first);
        assertThat(second.join().id()).isEqualTo(first.join().id());
    }

    @Test
    void csvExportHoldsTheSameRowsAsTheList() {
        JsonNode api = radar.get("/api/at-risk?limit=1000&class=SEED_RULE").body();

        String csv = radar.text("/api/at-risk.csv?class=SEED_RULE");

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("rank,product_id,name,risk_class");
        assertThat(lines).hasSize(api.get("total").asInt() + 1);
        for (int i = 0; i < api.get("products").size(); i++) {
            assertThat(lines.get(i + 1)).startsWith((i + 1) + "," + api.get("products").get(i).get("productId").asText()
                    + ",");
        }
    }

    private void wait(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
    }
}
