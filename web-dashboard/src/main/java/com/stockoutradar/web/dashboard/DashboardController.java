package com.stockoutradar.web.dashboard;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.grid.backtest.Backtests;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.grid.risk.ProductHistories;
import com.stockoutradar.grid.risk.RiskRefresher;
import com.stockoutradar.grid.store.PostgresLag;
import com.stockoutradar.web.problem.InvalidInputException;
import com.stockoutradar.web.risk.RiskFilters;

/** The analysts' pages, rendered on the server: the table works without JavaScript; charts need it. */
@Controller
@Tag(name = "dashboard", description = "HTML pages for people signed in on the login page (VIEWER; the refresh "
        + "button: OPERATOR)")
class DashboardController {
    static final int PAGE_SIZE = 50;
    private static final String LIVE_PARTS = "live";

    /** A column of the at-risk table: its sort key (as the API names it) and its heading. */
    record Column(String sort, String heading) {
    }

    static final List<Column> COLUMNS = List.of(new Column("rank", "#"), new Column("productId", "Product"),
            new Column("name", "Name"), new Column("riskClass", "Risk"), new Column("stock", "Stock"),
            new Column("sales7d", "Sold 7d"), new Column("restocks7d", "Restocked 7d"),
            new Column("velocity", "Velocity"), new Column("projected", "Projected"),
            new Column("dailyDemand", "Demand/day"), new Column("trend", "Trend"),
            new Column("daysOfCover", "Days of cover"), new Column("stockOutProbability", "Chance"),
            new Column("stockOutDate", "Stock-out (10–90 %)"));

    private final AtRiskQueries queries;
    private final RiskRefresher refresher;
    private final ProductHistories histories;
    private final PostgresLag postgresLag;
    private final Backtests backtests;

    DashboardController(AtRiskQueries queries, RiskRefresher refresher, ProductHistories histories,
                        PostgresLag postgresLag, Backtests backtests) {
        this.queries = queries;
        this.refresher = refresher;
        this.histories = histories;
        this.postgresLag = postgresLag;
        this.backtests = backtests;
    }

    /**
     * The dashboard; with {@code fragment=live}, only the parts that show the list, with the same filters: what an
     * open page re-reads when the list changes.
     */
    @GetMapping("/")
    @Operation(summary = "The dashboard: the at-risk table, counts, the last refresh and backtest")
    @ApiResponse(responseCode = "200", description = "the page, or with fragment=live its live parts",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "302", description = "not signed in: to the login page")
    String dashboard(@RequestParam(name = "class", required = false) String riskClass,
                     @RequestParam(required = false) String q,
                     @RequestParam(required = false) String sort,
                     @RequestParam(required = false) String dir,
                     @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
                     @RequestParam(required = false) String fragment,
                     Model model) {
        if (fragment != null && !fragment.equals(LIVE_PARTS)) {
            throw InvalidInputException.badRequest("fragment", "must be " + LIVE_PARTS + ", was \"" + fragment + "\"");
        }
        showList(RiskFilters.parse(riskClass, q, sort, dir), page, model);
        if (fragment != null) {
            return "dashboard-live";
        }
        model.addAttribute("classes", RiskClass.values());
        model.addAttribute("postgresLag", postgresLag.ofCluster());
        model.addAttribute("backtest", backtests.last().orElse(null)); // never waits for one
        return "dashboard";
    }

    private void showList(AtRiskQueries.Filter filter, int page, Model model) {
        AtRiskPage rows = queries.page(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("columns", COLUMNS);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** The refresh button: waits for the refresh (or the one already running), then shows its result. */
    @PostMapping("/refresh")
    @Operation(summary = "The dashboard's refresh button: runs a refresh, then back to the dashboard")
    @ApiResponse(responseCode = "302", description = "done: to the dashboard")
    String refresh() {
        refresher.refresh().join();
        return "redirect:/";
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "A product's page: the numbers behind its class and a chart of its last 28 days")
    @ApiResponse(responseCode = "200", description = "the page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "302", description = "not signed in: to the login page")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    String product(@PathVariable @PositiveOrZero long productId, Model model) {
        model.addAttribute("history", histories.history(productId, 28).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + productId)));
        return "product";
    }
}
