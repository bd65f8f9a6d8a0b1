package com.stockoutradar.web.backtest;

import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.stockoutradar.api.Backtest;
import com.stockoutradar.grid.backtest.Backtests;

/** How often the at-risk list was right: the last backtest, and one on demand. */
@RestController
@RequestMapping("/api/backtest")
@Tag(name = "risk")
class BacktestApiController {
    private final Backtests backtests;

    BacktestApiController(Backtests backtests) {
        this.backtests = backtests;
    }

    /** The last backtest; before any has finished, the one running (or a new one), answered when it is done. */
    @GetMapping
    @Operation(summary = "How often the list was right: the last backtest")
    @ApiResponse(responseCode = "200", description = "the backtest")
    Backtest last() throws Exception {
        return backtests.lastOrRun().get(10, TimeUnit.MINUTES);
    }

    /** Runs a backtest (or joins the one running) and answers when it is done. */
    @PostMapping
    @Operation(summary = "Run the backtest now (or join the one running)")
    @ApiResponse(responseCode = "200", description = "the backtest")
    Backtest run() throws Exception {
        return backtests.run().get(10, TimeUnit.MINUTES);
    }
}
