package com.stockoutradar.compute.risk;

import java.io.Serializable;

/**
 * An at-risk product as a refresh found it: the value of the {@code AT_RISK} cache and SQL table. A class, not a
 * record: Ignite 2.17's binary marshaller cannot write records.
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
    /**
     * Days until stock-out with "never" as the largest value: the ranking's order. SQL sorts NULL first, and an
     * index-ordered read (the dashboard's pages) needs a column whose natural order is the ranking.
     */
    private final double rankDays;
    /** Unix seconds, or null when the forecast never runs out. */
    private final Long stockOutDate;
    private final String riskClass;
    private final long computedAt;

    public AtRiskRow(String name, Assessment a, long computedAt) {
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
    }
}
