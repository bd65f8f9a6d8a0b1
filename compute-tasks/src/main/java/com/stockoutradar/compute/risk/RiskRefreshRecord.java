package com.stockoutradar.compute.risk;

import java.io.Serializable;

/**
 * One risk refresh, a row of the {@code RISK_REFRESH} table: when it ran, with which parameters, what it found.
 * Exactly one refresh is {@code current}; readers take its id and read only that refresh's {@code AT_RISK} rows, so
 * a refresh in progress is never seen half done.
 */
public final class RiskRefreshRecord implements Serializable {
    private static final long serialVersionUID = 2L;

    private final long computedAt;
    private final long startedAt;
    private final long durationMillis;
    private final long threshold;
    private final int horizonDays;
    private final long productsScanned;
    private final long productsAssessed;
    private final long changesScanned;
    private final long outOfStock;
    private final long seedRule;
    private final long trending;
    private final int nodes;
    private final boolean current;

    public RiskRefreshRecord(RiskParameters parameters, long startedAt, long durationMillis, ScanTotals totals,
                             boolean current) {
        this.computedAt = parameters.now();
        this.startedAt = startedAt;
        this.durationMillis = durationMillis;
        this.threshold = parameters.threshold();
        this.horizonDays = parameters.horizonDays();
        this.productsScanned = totals.products();
        this.productsAssessed = totals.assessed();
        this.changesScanned = totals.changes();
        this.outOfStock = totals.outOfStock();
        this.seedRule = totals.seedRule();
        this.trending = totals.trending();
        this.nodes = totals.nodes();
        this.current = current;
    }

    private RiskRefreshRecord(RiskRefreshRecord other, boolean current) {
        this.computedAt = other.computedAt;
        this.startedAt = other.startedAt;
        this.durationMillis = other.durationMillis;
        this.threshold = other.threshold;
        this.horizonDays = other.horizonDays;
        this.productsScanned = other.productsScanned;
        this.productsAssessed = other.productsAssessed;
        this.changesScanned = other.changesScanned;
        this.outOfStock = other.outOfStock;
        this.seedRule = other.seedRule;
        this.trending = other.trending;
        this.nodes = other.nodes;
        this.current = current;
    }

    public RiskRefreshRecord superseded() {
        return new RiskRefreshRecord(this, false);
    }

    public long computedAt() {
        return computedAt;
    }

    public long startedAt() {
        return startedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public long threshold() {
        return threshold;
    }

    public int horizonDays() {
        return horizonDays;
    }

    public long productsScanned() {
        return productsScanned;
    }

    /** Products the refresh assessed; the others' rows stood since its last review of them. */
    public long productsAssessed() {
        return productsAssessed;
    }

    public long changesScanned() {
        return changesScanned;
    }

    public long outOfStock() {
        return outOfStock;
    }

    public long seedRule() {
        return seedRule;
    }

    public long trending() {
        return trending;
    }

    public int nodes() {
        return nodes;
    }
}
