package com.stockoutradar.compute.risk;

import java.util.Locale;

import com.stockoutradar.api.RiskClass;

/**
 * A {@code LIVE_RISK} row held by the {@link RiskLedger}, with what a page filters and sorts by in fields of its
 * own: a page compares every row held, and one object to read per row (not a row, its record and boxed numbers)
 * keeps that pass short. Empty numbers are NaN here.
 */
final class LiveRow {
    final long pid;
    final AtRiskRow row;
    final RiskClass riskClass;
    final String name;
    /** The name in lower case, for searches. */
    final String lowerName;
    final long stock;
    final long sales7d;
    final long restocks7d;
    final long velocity;
    final long projected;
    final double dailyDemand;
    final double trend;
    final double daysOfCover;
    final double stockOutProbability;
    /** Days until stock-out with never as the largest value: the ranking's first key. */
    final double rankDays;

    LiveRow(long pid, AtRiskRow row) {
        var product = row.product(0, pid);
        this.pid = pid;
        this.row = row;
        this.riskClass = product.riskClass();
        this.name = product.name();
        this.lowerName = name == null ? "" : name.toLowerCase(Locale.ROOT);
        this.stock = product.stock();
        this.sales7d = product.sales7d();
        this.restocks7d = product.restocks7d();
        this.velocity = product.velocity();
        this.projected = product.projected();
        this.dailyDemand = product.dailyDemand();
        this.trend = product.trend();
        this.daysOfCover = product.daysOfCover() == null ? Double.NaN : product.daysOfCover();
        this.stockOutProbability = product.stockOutProbability();
        this.rankDays = product.stockOutDays() == null ? Double.MAX_VALUE : product.stockOutDays();
    }
}
