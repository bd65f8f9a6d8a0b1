package com.stockoutradar.compute.risk;

import java.io.Serializable;

/**
 * What one risk refresh computes with; travels to every node with the scan.
 *
 * @see RiskModel
 */
public final class RiskParameters implements Serializable {
    private static final long serialVersionUID = 3L;
    public static final long DAY = 86_400;
    /** The brief's velocity window: changes with {@code timestamp > now - 604800}. */
    public static final long WINDOW_SECONDS = 7 * DAY;
    /** Whole UTC days of sales before today that the demand forecast reads: four weeks, for the weekday pattern. */
    public static final int HISTORY_DAYS = 28;
    /**
     * P(stock-out within the horizon) from which a product the rule leaves alone is {@code TRENDING}: the level with
     * the best F1 (rule or forecast) on the demand simulator's training seeds (see {@code DemandModelEvaluationTest},
     * which prints the sweep); held-out seeds check it.
     */
    public static final double DEFAULT_STOCK_OUT_LEVEL = 0.43;

    private final long refreshId;
    private final long keepFrom;
    private final long now;
    private final long threshold;
    private final int horizonDays;
    private final boolean reconcilesLive;
    private final double stockOutLevel;
    private final boolean everyProduct;

    /** With the {@link #DEFAULT_STOCK_OUT_LEVEL}. */
    public RiskParameters(long refreshId, long keepFrom, long now, long threshold, int horizonDays,
                          boolean reconcilesLive) {
        this(refreshId, keepFrom, now, threshold, horizonDays, reconcilesLive, DEFAULT_STOCK_OUT_LEVEL);
    }

    public RiskParameters(long refreshId, long keepFrom, long now, long threshold, int horizonDays,
                          boolean reconcilesLive, double stockOutLevel) {
        this(refreshId, keepFrom, now, threshold, horizonDays, reconcilesLive, stockOutLevel, false);
    }

    private RiskParameters(long refreshId, long keepFrom, long now, long threshold, int horizonDays,
                           boolean reconcilesLive, double stockOutLevel, boolean everyProduct) {
        if (!(stockOutLevel > 0 && stockOutLevel <= 1)) {
            throw new IllegalArgumentException("stock-out level " + stockOutLevel + " is not a probability in (0, 1]");
        }
        this.refreshId = refreshId;
        this.keepFrom = keepFrom;
        this.now = now;
        this.threshold = threshold;
        this.horizonDays = horizonDays;
        this.reconcilesLive = reconcilesLive;
        this.stockOutLevel = stockOutLevel;
        this.everyProduct = everyProduct;
    }

    /** These parameters for a refresh that assesses every product again, not only those whose numbers may have moved. */
    public RiskParameters everyProduct() {
        return new RiskParameters(refreshId, keepFrom, now, threshold, horizonDays, reconcilesLive, stockOutLevel,
                true);
    }

    /** Whether the refresh assesses every product again, even those whose rows stand since its last review of them. */
    public boolean assessesEveryProduct() {
        return everyProduct;
    }

    /** For one product's assessment outside a refresh (the ingestion transaction's, a product page's forecast). */
    public static RiskParameters asOf(long now, long threshold, int horizonDays) {
        return new RiskParameters(0, 0, now, threshold, horizonDays, false);
    }

    /** As {@link #asOf(long, long, int)}, flagging {@code TRENDING} from another probability of stock-out. */
    public static RiskParameters asOf(long now, long threshold, int horizonDays, double stockOutLevel) {
        return new RiskParameters(0, 0, now, threshold, horizonDays, false, stockOutLevel);
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

    /** Days ahead a likely forecast stock-out makes a product {@code TRENDING}. */
    public int horizonDays() {
        return horizonDays;
    }

    /** The probability of a stock-out within the horizon from which a product is {@code TRENDING}. */
    public double stockOutLevel() {
        return stockOutLevel;
    }

    /** Whether the scan also brings {@code LIVE_RISK} in line: a refresh that becomes current, never a backtest. */
    public boolean reconcilesLive() {
        return reconcilesLive;
    }
}
