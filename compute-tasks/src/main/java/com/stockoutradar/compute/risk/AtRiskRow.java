package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.Objects;

import com.stockoutradar.api.AtRiskProduct;
import com.stockoutradar.api.RiskClass;

/**
 * An at-risk product's numbers, assessed from one version of the product: the value of {@code LIVE_RISK} (the list
 * now, written by the transaction that changed the product, or by a refresh that found it out of date) and of
 * {@code AT_RISK} (each refresh's and backtest's result). A class, not a record: Ignite 2.17's binary marshaller
 * cannot write records.
 */
public final class AtRiskRow implements Serializable {
    private static final long serialVersionUID = 2L;

    private final String name;
    private final long stock;
    private final long sales7d;
    private final long restocks7d;
    private final long velocity;
    private final long projected;
    private final double dailyDemand;
    private final double trend;
    private final Double daysOfCover;
    private final Double stockOutDays;
    private final double stockOutProbability;
    private final Double stockOutDaysP10;
    private final Double stockOutDaysP90;
    /** As in {@link AtRiskRow}: days until stock-out with "never" as the largest value, the ranking's order. */
    private final double rankDays;
    /** Unix seconds, or null when the forecast never runs out. */
    private final Long stockOutDate;
    private final String riskClass;
    private final long computedAt;
    /** The {@code PRODUCT} version assessed: a refresh never replaces a row with one from an older version. */
    private final long productVersion;

    public AtRiskRow(String name, Assessment a, long computedAt, long productVersion) {
        this.name = name;
        this.stock = a.stock();
        this.sales7d = a.sales7d();
        this.restocks7d = a.restocks7d();
        this.velocity = a.velocity();
        this.projected = a.projected();
        this.dailyDemand = a.dailyDemand();
        this.trend = a.trend();
        this.daysOfCover = a.daysOfCover();
        this.stockOutDays = a.stockOutDays();
        this.stockOutProbability = a.stockOutProbability();
        this.stockOutDaysP10 = a.stockOutDaysP10();
        this.stockOutDaysP90 = a.stockOutDaysP90();
        this.rankDays = a.stockOutDays() == null ? Double.MAX_VALUE : a.stockOutDays();
        this.stockOutDate = stockOutDate(a.stockOutDays(), computedAt);
        this.riskClass = a.riskClass().name();
        this.computedAt = computedAt;
        this.productVersion = productVersion;
    }

    /**
     * Whether an assessment of product version {@code version} at {@code computedAt} leaves this row standing: the
     * same version, class and 7-day numbers, and a stock-out on the same UTC day. Not the forecast's every digit,
     * which moves with the clock, so a refresh rewrites only rows whose place on the list moved.
     */
    public boolean standsFor(Assessment a, long version, long computedAt) {
        return productVersion == version && riskClass.equals(a.riskClass().name()) && stock == a.stock()
                && sales7d == a.sales7d() && restocks7d == a.restocks7d()
                && Objects.equals(stockOutDay(stockOutDate), stockOutDay(stockOutDate(a.stockOutDays(), computedAt)));
    }

    /** The unix second {@code stockOutDays} after {@code computedAt}; null for never. */
    public static Long stockOutDate(Double stockOutDays, long computedAt) {
        return stockOutDays == null ? null : computedAt + Math.round(stockOutDays * RiskParameters.DAY);
    }

    private static Long stockOutDay(Long date) {
        return date == null ? null : DemandDays.dayOf(date);
    }

    public RiskClass riskClass() {
        return RiskClass.valueOf(riskClass);
    }

    public long productVersion() {
        return productVersion;
    }

    /** This row of product {@code pid} as the API shows it, at place {@code rank}. */
    public AtRiskProduct product(long rank, long pid) {
        return new AtRiskProduct(rank, pid, name, RiskClass.valueOf(riskClass), stock, sales7d, restocks7d,
                velocity, projected, dailyDemand, trend, daysOfCover, stockOutDays, stockOutDate, stockOutProbability,
                stockOutDate(stockOutDaysP10, computedAt), stockOutDate(stockOutDaysP90, computedAt));
    }
}
