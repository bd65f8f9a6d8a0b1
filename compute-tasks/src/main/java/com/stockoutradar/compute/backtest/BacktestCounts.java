package com.stockoutradar.compute.backtest;

import java.io.Serializable;

import com.stockoutradar.api.RiskClass;

/**
 * What the list would have said at each moment of a backtest, against what happened, counted per moment: products,
 * products that ran out, and per class the products flagged and those of them that ran out; {@code TRENDING} at each
 * level swept. What a node sends back, and what the task adds up. A class, not a record: records do not travel
 * between nodes.
 */
public final class BacktestCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PRODUCTS = 0;
    private static final int RAN_OUT = 1;
    /** Then flagged and ran-out pairs: out of stock, the 7-day rule, and trending at each level. */
    private static final int FLAGGED = 2;

    /** {@code counts[day][column]}. */
    private final long[][] counts;
    private final int partitions;
    private final long changes;
    private final long oldestChange;

    BacktestCounts(int days, int levels) {
        this(new long[days][FLAGGED + 2 * (2 + levels)], 0, 0, Long.MAX_VALUE);
    }

    private BacktestCounts(long[][] counts, int partitions, long changes, long oldestChange) {
        this.counts = counts;
        this.partitions = partitions;
        this.changes = changes;
        this.oldestChange = oldestChange;
    }

    /**
     * One product at one moment.
     *
     * @param byRule      the rule's class, or null when it leaves the product to the forecast
     * @param probability P(stock-out within the horizon) when the rule left it, as far as the lowest level needs
     */
    void add(int day, RiskClass byRule, double probability, boolean ranOut, BacktestParameters parameters) {
        long[] row = counts[day];
        row[PRODUCTS]++;
        int hit = ranOut ? 1 : 0;
        row[RAN_OUT] += hit;
        if (byRule != null) {
            int column = rule(byRule);
            row[column]++;
            row[column + 1] += hit;
            return;
        }
        for (int level = 0; level < parameters.levelCount() && probability >= parameters.level(level); level++) {
            row[trending(level)]++;
            row[trending(level) + 1] += hit;
        }
    }

    /** These counts, over the partitions they were counted from, which held these changes. */
    BacktestCounts over(int partitions, long changes, long oldestChange) {
        return new BacktestCounts(counts, partitions, changes, oldestChange);
    }

    /** Both nodes' or partitions' counts together. */
    BacktestCounts plus(BacktestCounts other) {
        long[][] sum = new long[counts.length][];
        for (int day = 0; day < counts.length; day++) {
            sum[day] = counts[day].clone();
            for (int column = 0; column < sum[day].length; column++) {
                sum[day][column] += other.counts[day][column];
            }
        }
        return new BacktestCounts(sum, partitions + other.partitions, changes + other.changes,
                Math.min(oldestChange, other.oldestChange));
    }

    public long products(int day) {
        return counts[day][PRODUCTS];
    }

    public long ranOut(int day) {
        return counts[day][RAN_OUT];
    }

    /** Products flagged {@code OUT_OF_STOCK} or {@code SEED_RULE}: by the rule. */
    public long flagged(int day, RiskClass byRule) {
        return counts[day][rule(byRule)];
    }

    /** Of those, the products that ran out. */
    public long flaggedAndRanOut(int day, RiskClass byRule) {
        return counts[day][rule(byRule) + 1];
    }

    /** Products the model flagged {@code TRENDING} at the parameters' level {@code level}. */
    public long trending(int day, int level) {
        return counts[day][trending(level)];
    }

    public long trendingAndRanOut(int day, int level) {
        return counts[day][trending(level) + 1];
    }

    /** Partitions counted: each once unless partitions moved during the backtest. */
    public int partitions() {
        return partitions;
    }

    public long changes() {
        return changes;
    }

    /** The oldest change the grid held (unix s), {@link Long#MAX_VALUE} when none. */
    public long oldestChange() {
        return oldestChange;
    }

    private static int rule(RiskClass byRule) {
        return switch (byRule) {
            case OUT_OF_STOCK -> FLAGGED;
            case SEED_RULE -> FLAGGED + 2;
            case TRENDING -> throw new IllegalArgumentException("TRENDING is the forecast's, counted per level");
        };
    }

    private static int trending(int level) {
        return FLAGGED + 4 + 2 * level;
    }
}
