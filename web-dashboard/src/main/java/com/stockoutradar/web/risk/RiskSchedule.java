package com.stockoutradar.web.risk;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.backtest.Backtests;
import com.stockoutradar.grid.risk.RiskProperties;
import com.stockoutradar.grid.risk.RiskRefresher;

/**
 * What runs without anyone asking: risk refreshes on a schedule (the brief: hourly), the backtest daily once a new
 * midnight has a week after it, and each once the application is up.
 */
@Component
class RiskSchedule {
    private static final Logger log = LoggerFactory.getLogger(RiskSchedule.class);

    private final RiskRefresher refresher;
    private final Backtests backtests;
    private final RiskProperties settings;

    RiskSchedule(RiskRefresher refresher, Backtests backtests, RiskProperties settings) {
        this.refresher = refresher;
        this.backtests = backtests;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${radar.risk.refresh-every}", fixedDelayString = "${radar.risk.refresh-every}")
    void refresh() {
        refresher.refresh().join();
    }

    @Scheduled(cron = "${radar.risk.backtest-at}", zone = "UTC")
    void backtest() {
        backtests.run().join();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (settings.refreshOnStart()) {
            logFailure(refresher.refresh(), "start-up risk refresh");
        }
        if (settings.backtestOnStart()) {
            logFailure(backtests.run(), "start-up backtest");
        }
    }

    private static void logFailure(CompletableFuture<?> work, String what) {
        work.whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("{} failed", what, failure);
            }
        });
    }
}
