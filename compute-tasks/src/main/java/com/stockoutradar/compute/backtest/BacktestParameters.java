package com.stockoutradar.compute.backtest;

import java.io.Serializable;
import java.util.Arrays;

import com.stockoutradar.compute.risk.RiskParameters;

/**
 * What a backtest computes with; travels to every node with its jobs. A class, not a record: Ignite 2.17's binary
 * marshaller cannot read records.
 */
public final class BacktestParameters implements Serializable {
    private static final long serialVersionUID = 1L;
    /** What happened after each moment is read over the week after it: the question the list answers. */
    public static final long OUTCOME_SECONDS = RiskParameters.WINDOW_SECONDS;

    private final long[] days;
    private final long threshold;
    private final int horizonDays;
    private final double[] levels;

    /**
     * @param days        the moments T (unix s) the list is computed as of, each at least {@link #OUTCOME_SECONDS}
     *                    in the past
     * @param levels      the stock-out levels to flag {@code TRENDING} from, ascending
     */
    public BacktestParameters(long[] days, long threshold, int horizonDays, double[] levels) {
        if (days.length == 0) {
            throw new IllegalArgumentException("a backtest needs at least one moment");
        }
        for (int i = 1; i < levels.length; i++) {
            if (!(levels[i - 1] < levels[i])) {
                throw new IllegalArgumentException("levels must ascend: " + Arrays.toString(levels));
            }
        }
        if (levels.length == 0 || !(levels[0] > 0 && levels[levels.length - 1] <= 1)) {
            throw new IllegalArgumentException("levels must be probabilities in (0, 1]: " + Arrays.toString(levels));
        }
        this.days = days.clone();
        this.threshold = threshold;
        this.horizonDays = horizonDays;
        this.levels = levels.clone();
    }

    public int dayCount() {
        return days.length;
    }

    /** The moment of day {@code k}, unix s. */
    public long day(int k) {
        return days[k];
    }

    public long threshold() {
        return threshold;
    }

    public int horizonDays() {
        return horizonDays;
    }

    public int levelCount() {
        return levels.length;
    }

    public double level(int i) {
        return levels[i];
    }
}
