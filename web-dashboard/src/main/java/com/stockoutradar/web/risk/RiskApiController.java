package com.stockoutradar.web.risk;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.ProductHistory;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.grid.risk.ProductHistories;
import com.stockoutradar.grid.risk.RiskRefresher;

/** The at-risk list as JSON and CSV, product histories, and refresh on demand. */
@RestController
@RequestMapping("/api")
@Tag(name = "risk", description = "the products at risk (reads: VIEWER; refreshes: OPERATOR)")
class RiskApiController {
    private static final String[] CSV_HEADER = {"rank", "product_id", "name", "risk_class", "stock", "sales_7d",
        "restocks_7d", "velocity", "projected", "daily_demand", "trend", "days_of_cover", "stock_out_days",
        "stock_out_date", "stock_out_probability", "stock_out_date_p10", "stock_out_date_p90"};

    private static final String CLASS = "only this class: OUT_OF_STOCK, SEED_RULE or TRENDING";
    private static final String SEARCH = "a product id, or words of its name";
    private static final String SORT = "a column: rank (the default), productId, name, riskClass, stock, sales7d, ...";
    private static final String DIR = "asc or desc";

    private final AtRiskQueries queries;
    private final RiskRefresher refresher;
    private final ProductHistories histories;

    RiskApiController(AtRiskQueries queries, RiskRefresher refresher, ProductHistories histories) {
        this.queries = queries;
        this.refresher = refresher;
        this.histories = histories;
    }

    @GetMapping("/at-risk")
    @Operation(summary = "One page of the products at risk now", description = "With the counts per class and the "
            + "last refresh; ranked by earliest stock-out unless sorted otherwise.")
    @ApiResponse(responseCode = "200", description = "the page")
    AtRiskPage atRisk(@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
                      @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
                      @Parameter(description = CLASS) @RequestParam(name = "class", required = false) String riskClass,
                      @Parameter(description = SEARCH) @RequestParam(required = false) String q,
                      @Parameter(description = SORT) @RequestParam(required = false) String sort,
                      @Parameter(description = DIR) @RequestParam(required = false) String dir) {
        return queries.page(RiskFilters.parse(riskClass, q, sort, dir), limit, offset);
    }

    /** The same rows as {@code /api/at-risk}, all of them, streamed. */
    @GetMapping(path = "/at-risk.csv", produces = "text/csv")
    @Operation(summary = "All products at risk now, as CSV")
    @ApiResponse(responseCode = "200", description = "the rows, with a header line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> atRiskCsv(
            @Parameter(description = CLASS) @RequestParam(name = "class", required = false) String riskClass,
            @Parameter(description = SEARCH) @RequestParam(required = false) String q,
            @Parameter(description = SORT) @RequestParam(required = false) String sort,
            @Parameter(description = DIR) @RequestParam(required = false) String dir) {
        AtRiskQueries.Filter filter = RiskFilters.parse(riskClass, q, sort, dir);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(writer);
            queries.each(filter, p -> {
                try {
                    csv.printRecord(p.rank(), p.productId(), p.name(), p.riskClass(), p.stock(), p.sales7d(),
                            p.restocks7d(), p.velocity(), p.projected(), p.dailyDemand(), p.trend(), p.daysOfCover(),
                            p.stockOutDays(), p.stockOutDate(), p.stockOutProbability(), p.stockOutDateP10(),
                            p.stockOutDateP90());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"at-risk.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    /**
     * Runs a refresh and answers when it is done; a request while one runs joins it. {@code full}: one that assesses
     * every product again, after the one running. {@code now} (unix s) computes the list as of another moment
     * instead, which always assesses every product: answered, never made the dashboard's current list.
     */
    @PostMapping("/risk/refresh")
    @Operation(summary = "Run a risk refresh", description = "Answers when it is done; a request while one runs "
            + "joins it.")
    @ApiResponse(responseCode = "200", description = "the refresh")
    RiskRefreshView refresh(@Parameter(description = "unix s: the list as of that moment, never the current list")
                            @RequestParam(required = false) @PositiveOrZero Long now,
                            @Parameter(description = "true: assess every product again, after the running refresh")
                            @RequestParam(defaultValue = "false") boolean full) throws Exception {
        CompletableFuture<RiskRefreshView> refresh = now != null ? refresher.backtest(now)
                : full ? refresher.refreshEveryProduct() : refresher.refresh();
        return refresh.get(10, TimeUnit.MINUTES);
    }

    @GetMapping("/products/{productId}/history")
    @Operation(summary = "A product's daily sales, restocks and stock, with its forecast")
    @ApiResponse(responseCode = "200", description = "the history, UTC days")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    ProductHistory history(@PathVariable @PositiveOrZero long productId,
                           @RequestParam(defaultValue = "28") @Min(1) @Max(28) int days) {
        return histories.history(productId, days).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no product " + productId));
    }
}
