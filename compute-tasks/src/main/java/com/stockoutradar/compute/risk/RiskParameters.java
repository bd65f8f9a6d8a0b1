package com.stockoutradar.compute.risk;

import java.io.Serializable;

/**
 * What one risk refresh computes with; travels to every node with the scan.
 *
 * @see RiskModel
 */
public final class RiskParameters implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final long DAY = 86_400;
    /** The brief's velocity window: changes with {@code timestamp > now - 604800}. */
    public static final long WINDOW_SECONDS = 7 * DAY;
    /** Days of sales history the demand trend is fitted on. */
    public static final int TREND_DAYS = 14;

    private final long refreshId;
    private final long keepFrom;
    private final long now;
    private final long threshold;
    private final int horizonDays;
    private final boolean reconcilesLive;

    public RiskParameters(long refreshId, long keepFrom, long now, long threshold, int horizonDays,
                          boolean reconcilesLive) {
        this.refreshId = refreshId;
        this.keepFrom = keepFrom;
        this.now = now;
        this.threshold = threshold;
        this.horizonDays = horizonDays;
        this.reconcilesLive = reconcilesLive;
    }

    /** For one product's assessment outside a refresh (the ingestion transaction's, a product page's forecast). */
    public static RiskParameters asOf(long now, long threshold, int horizonDays) {
        return new RiskParameters(0, 0, now, threshold, horizonDays, false);
    }

    public long refreshId() {
        return refreshId;
    }

    /** {@code AT_RISK} rows of refreshes before this one are dropped by the scan; the caller keeps what readers use. */
    public long keepFrom() {
        return keepFrom;
    }

    /** Unix seconds the computation is as of: the system clock, or a test's or backtest's own. */
    public long now() {
        return now;
    }

    /** At risk by the brief's rule when projected stock is at or below this. */
    public long threshold() {
        return threshold;
    }

    /** Days ahead a forecast stock-out makes a product {@code TRENDING}. */
    public int horizonDays() {
        return horizonDays;
    }

    /** Whether the scan also brings {@code LIVE_RISK} in line: a refresh that becomes current, never a backtest. */
    public boolean reconcilesLive() {
        return reconcilesLive;
    }
}
