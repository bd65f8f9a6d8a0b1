package com.stockoutradar.web.backtest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.backtest.Backtests;
import com.stockoutradar.grid.risk.RiskProperties;

/** When the backtest runs without anyone asking: daily, once a new midnight has a week after it, and at start-up. */
@Component
class BacktestSchedule {
    private static final Logger log = LoggerFactory.getLogger(BacktestSchedule.class);

    private final Backtests backtests;
    private final RiskProperties settings;

    BacktestSchedule(Backtests backtests, RiskProperties settings) {
        this.backtests = backtests;
        this.settings = settings;
    }

    @Scheduled(cron = "${radar.risk.backtest-at}", zone = "UTC")
    void daily() {
        backtests.run().join();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (settings.backtestOnStart()) {
            backtests.run().whenComplete((backtest, failure) -> {
                if (failure != null) {
                    log.error("start-up backtest failed", failure);
                }
            });
        }
    }
}
