package com.stockoutradar.grid.risk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stock-out risk is computed and refreshed.
 *
 * @param threshold      at risk by the 7-day rule when projected stock is at or below this
 * @param horizonDays    a forecast stock-out within this many days makes a product {@code TRENDING}
 * @param refreshEvery   time between scheduled refreshes (the brief: hourly)
 * @param refreshOnStart refresh as soon as the application is up
 * @param reviewEvery    how often each server node assesses again the products whose numbers time has changed
 */
@ConfigurationProperties("radar.risk")
public record RiskProperties(long threshold, int horizonDays, Duration refreshEvery, boolean refreshOnStart,
                             @DefaultValue("5s") Duration reviewEvery) {
}
