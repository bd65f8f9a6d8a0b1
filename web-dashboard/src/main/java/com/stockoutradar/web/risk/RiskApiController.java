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

import com.stockoutradar.api.AtRiskPage;
import com.stockoutradar.api.ProductHistory;
import com.stockoutradar.api.RiskRefreshView;
import com.stockoutradar.grid.risk.AtRiskQueries;
import com.stockoutradar.grid.risk.ProductHistories;
import com.stockoutradar.grid.risk.RiskRefresher;

/** The at-risk list as JSON and CSV, product histories, and refresh on demand. */
@RestController
@RequestMapping("/api")
class RiskApiController {
    private static final String[] CSV_HEADER = {"rank", "product_id", "name", "risk_class", "stock", "sales_7d",
        "restocks_7d", "velocity", "projected", "daily_demand", "trend", "days_of_cover", "stock_out_days",
        "stock_out_date", "stock_out_probability", "stock_out_date_p10", "stock_out_date_p90"};

    private final AtRiskQueries queries;
    private final RiskRefresher refresher;
    private final ProductHistories histories;

    RiskApiController(AtRiskQueries queries, RiskRefresher refresher, ProductHistories histories) {
        this.queries = queries;
        this.refresher = refresher;
        this.histories = histories;
    }

    @GetMapping("/at-risk")
    AtRiskPage atRisk(@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
                      @RequestParam(defaultValue = "0") @PositiveOrZero int offset,
                      @RequestParam(name = "class", required = false) String riskClass,
                      @RequestParam(required = false) String q,
                      @RequestParam(required = false) String sort,
                      @RequestParam(required = false) String dir) {
        return queries.page(RiskFilters.parse(riskClass, q, sort, dir), limit, offset);
    }

    /** The same rows as {@code /api/at-risk}, all of them, streamed. */
    @GetMapping(path = "/at-risk.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> atRiskCsv(@RequestParam(name = "class", required = false) String riskClass,
                                                    @RequestParam(required = false) String q,
                                                    @RequestParam(required = false) String sort,
                                                    @RequestParam(required = false) String dir) {
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
     * every product again, after the one running. {@code now} (unix s) computes a backtest as of another moment
     * instead, which always assesses every product: answered, never made the dashboard's current list.
     */
    @PostMapping("/risk/refresh")
    RiskRefreshView refresh(@RequestParam(required = false) @PositiveOrZero Long now,
                            @RequestParam(defaultValue = "false") boolean full) throws Exception {
        CompletableFuture<RiskRefreshView> refresh = now != null ? refresher.backtest(now)
                : full ? refresher.refreshEveryProduct() : refresher.refresh();
        return refresh.get(10, TimeUnit.MINUTES);
    }

    @GetMapping("/products/{productId}/history")
    ProductHistory history(@PathVariable @PositiveOrZero long productId,
                           @RequestParam(defaultValue = "28") @Min(1) @Max(28) int days) {
        return histories.history(productId, days).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no product " + productId));
    }
}
