package com.stockoutradar.web.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.risk.RiskProperties;
import com.stockoutradar.grid.risk.RiskRefresher;

/** When risk refreshes run without anyone asking: on a schedule (the brief: hourly) and once the application is up. */
@Component
class RiskSchedule {
    private static final Logger log = LoggerFactory.getLogger(RiskSchedule.class);

    private final RiskRefresher refresher;
    private final RiskProperties settings;

    RiskSchedule(RiskRefresher refresher, RiskProperties settings) {
        this.refresher = refresher;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${radar.risk.refresh-every}", fixedDelayString = "${radar.risk.refresh-every}")
    void scheduled() {
        refresher.refresh().join();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (settings.refreshOnStart()) {
            refresher.refresh().whenComplete((refresh, failure) -> {
                if (failure != null) {
                    log.error("start-up risk refresh failed", failure);
                }
            });
        }
    }
}
