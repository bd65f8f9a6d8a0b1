package com.stockoutradar.web.backtest;

import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.stockoutradar.api.Backtest;
import com.stockoutradar.grid.backtest.Backtests;

/** How often the at-risk list was right: the last backtest, and one on demand. */
@RestController
@RequestMapping("/api/backtest")
class BacktestApiController {
    private final Backtests backtests;

    BacktestApiController(Backtests backtests) {
        this.backtests = backtests;
    }

    /** The last backtest; before any has finished, the one running (or a new one), answered when it is done. */
    @GetMapping
    Backtest last() throws Exception {
        return backtests.lastOrRun().get(10, TimeUnit.MINUTES);
    }

    /** Runs a backtest (or joins the one running) and answers when it is done. */
    @PostMapping
    Backtest run() throws Exception {
        return backtests.run().get(10, TimeUnit.MINUTES);
    }
}
