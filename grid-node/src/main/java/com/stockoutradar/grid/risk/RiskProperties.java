package com.stockoutradar.grid.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.stockoutradar.compute.risk.RiskParameters;

/**
 * How stock-out risk is computed and refreshed.
 *
 * @param threshold      at risk by the 7-day rule when projected stock is at or below this
 * @param horizonDays    a forecast stock-out within this many days makes a product {@code TRENDING}
 * @param refreshEvery   time between scheduled refreshes (the brief: hourly)
 * @param refreshOnStart refresh as soon as the application is up
 * @param reviewEvery    how often each server node assesses again the products whose numbers time has changed
 * @param stockOutLevel  the forecast's probability of a stock-out within the horizon from which a product is
 *                       {@code TRENDING}; unset: {@link RiskParameters#DEFAULT_STOCK_OUT_LEVEL}
 * @param backtestDays   the past midnights the built-in backtest judges the list at (at most the grid's retention
 *                       in days less 7: the week after each must still be in the grid)
 * @param backtestAt     when the scheduled backtest runs: a cron expression, UTC (the midnights move daily)
 * @param backtestOnStart run the backtest once the application is up
 */
@ConfigurationProperties("radar.risk")
public record RiskProperties(long threshold, int horizonDays, Duration refreshEvery, boolean refreshOnStart,
                             @DefaultValue("5s") Duration reviewEvery, Double stockOutLevel,
                             int backtestDays, String backtestAt, boolean backtestOnStart) {

    public RiskProperties {
        if (stockOutLevel == null) {
            stockOutLevel = RiskParameters.DEFAULT_STOCK_OUT_LEVEL;
        }
        if (!(stockOutLevel > 0 && stockOutLevel <= 1)) {
            throw new IllegalArgumentException("radar.risk.stock-out-level must be a probability in (0, 1], not "
                    + stockOutLevel);
        }
        if (backtestDays < 1) {
            throw new IllegalArgumentException("radar.risk.backtest-days must be at least 1, not " + backtestDays);
        }
    }

    /** As of {@code now}, for one product's assessment outside a refresh. */
    public RiskParameters asOf(long now) {
        return RiskParameters.asOf(now, threshold, horizonDays, stockOutLevel);
    }
}
