package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.Objects;

/**
 * An at-risk product's numbers, assessed from one version of the product: the value of {@code LIVE_RISK} (the list
 * now, written by the transaction that changed the product, or by a refresh that found it out of date) and of
 * {@code AT_RISK} (each refresh's and backtest's result). A class, not a record: Ignite 2.17's binary marshaller
 * cannot write records.
 */
public final class AtRiskRow implements Serializable {
    private static final long serialVersionUID = 1L;

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
        this.rankDays = a.stockOutDays() == null ? Double.MAX_VALUE : a.stockOutDays();
        this.stockOutDate = a.stockOutDays() == null ? null
                : computedAt + Math.round(a.stockOutDays() * RiskParameters.DAY);
        this.riskClass = a.riskClass().name();
        this.computedAt = computedAt;
        this.productVersion = productVersion;
    }

    /**
     * Whether both say the same about the same product version: every number and the class. Not when they were
     * computed, nor the stock-out date derived from it, so that a refresh rewrites only rows whose assessment moved.
     */
    public boolean sameAssessment(AtRiskRow other) {
        return other != null && productVersion == other.productVersion && Objects.equals(name, other.name)
                && stock == other.stock && sales7d == other.sales7d && restocks7d == other.restocks7d
                && velocity == other.velocity && projected == other.projected
                && Double.compare(dailyDemand, other.dailyDemand) == 0 && Double.compare(trend, other.trend) == 0
                && Objects.equals(daysOfCover, other.daysOfCover) && Objects.equals(stockOutDays, other.stockOutDays)
                && riskClass.equals(other.riskClass);
    }
}
