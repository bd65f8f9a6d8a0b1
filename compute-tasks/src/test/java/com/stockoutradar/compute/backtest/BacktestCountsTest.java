package com.stockoutradar.compute.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.stockoutradar.api.RiskClass;

/** Counting products per moment and class, and trending at every level its probability reaches. */
class BacktestCountsTest {
    final BacktestParameters parameters = new BacktestParameters(new long[] {864_000, 777_600}, 0, 7,
            new double[] {0.2, 0.4, 0.6});

    @Test
    void aProductTheRuleLeavesIsTrendingAtEveryLevelItsProbabilityReaches() {
        BacktestCounts counts = new BacktestCounts(2, 3);

        counts.add(0, null, 0.4, true, parameters);
        counts.add(0, null, 0.1, false, parameters);

        assertThat(counts.products(0)).isEqualTo(2);
        assertThat(counts.ranOut(0)).isEqualTo(1);
        assertThat(counts.trending(0, 0)).isEqualTo(1);
        assertThat(counts.trending(0, 1)).as("0.4 reaches 0.4").isEqualTo(1);
        assertThat(counts.trendingAndRanOut(0, 1)).isEqualTo(1);
        assertThat(counts.trending(0, 2)).isZero();
        assertThat(counts.products(1)).isZero();
    }

    @Test
    void aProductTheRuleFlagsCountsInItsClassAndNeverAsTrending() {
        BacktestCounts counts = new BacktestCounts(2, 3);

        counts.add(1, RiskClass.OUT_OF_STOCK, Double.NaN, true, parameters);
        counts.add(1, RiskClass.SEED_RULE, Double.NaN, false, parameters);

        assertThat(counts.flagged(1, RiskClass.OUT_OF_STOCK)).isEqualTo(1);
        assertThat(counts.flaggedAndRanOut(1, RiskClass.OUT_OF_STOCK)).isEqualTo(1);
        assertThat(counts.flagged(1, RiskClass.SEED_RULE)).isEqualTo(1);
        assertThat(counts.flaggedAndRanOut(1, RiskClass.SEED_RULE)).isZero();
        assertThat(counts.trending(1, 0)).isZero();
    }

    @Test
    void countsOfPartitionsAddUpWithTheOldestChangeOfAll() {
        BacktestCounts one = new BacktestCounts(2, 3);
        one.add(0, RiskClass.SEED_RULE, Double.NaN, true, parameters);
        BacktestCounts other = new BacktestCounts(2, 3);
        other.add(0, RiskClass.SEED_RULE, Double.NaN, false, parameters);

        BacktestCounts sum = one.over(1, 10, 500).plus(other.over(1, 5, 300));

        assertThat(sum.flagged(0, RiskClass.SEED_RULE)).isEqualTo(2);
        assertThat(sum.flaggedAndRanOut(0, RiskClass.SEED_RULE)).isEqualTo(1);
        assertThat(sum.partitions()).isEqualTo(2);
        assertThat(sum.changes()).isEqualTo(15);
        assertThat(sum.oldestChange()).isEqualTo(300);
    }
}
