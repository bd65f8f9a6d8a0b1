package com.stockoutradar.grid.backtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import com.stockoutradar.api.Backtest;
import com.stockoutradar.api.BacktestDay;
import com.stockoutradar.api.BacktestLevel;
import com.stockoutradar.api.BacktestScores;
import com.stockoutradar.api.RiskClass;
import com.stockoutradar.compute.backtest.BacktestCounts;
import com.stockoutradar.compute.backtest.BacktestParameters;
import com.stockoutradar.compute.risk.RiskParameters;

/** The nodes' counts as scores: per day, and added up over the days; the model's at every level swept. */
final class BacktestReport {
    private final BacktestParameters parameters;
    private final BacktestCounts counts;
    private final int level;

    /** {@code level}: the index of the level {@code TRENDING} is flagged from now among the parameters'. */
    private BacktestReport(BacktestParameters parameters, BacktestCounts counts, int level) {
        this.parameters = parameters;
        this.counts = counts;
        this.level = level;
    }

    static Backtest of(BacktestParameters parameters, BacktestCounts counts, double stockOutLevel, long computedAt,
                       long durationMillis) {
        int level = 0;
        while (parameters.level(level) != stockOutLevel) {
            level++;
        }
        return new BacktestReport(parameters, counts, level).backtest(stockOutLevel, computedAt, durationMillis);
    }

    private Backtest backtest(double stockOutLevel, long computedAt, long durationMillis) {
        int days = parameters.dayCount();
        List<BacktestDay> perDay = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            perDay.add(new BacktestDay(parameters.day(day), historyDays(parameters.day(day)),
                    model(day, day + 1, level), rule(day, day + 1), classes(day, day + 1)));
        }
        List<BacktestLevel> levels = new ArrayList<>(parameters.levelCount());
        BacktestLevel best = null;
        for (int i = 0; i < parameters.levelCount(); i++) {
            BacktestLevel swept = new BacktestLevel(parameters.level(i), model(0, days, i));
            levels.add(swept);
            if (best == null || f1(swept) > f1(best)) {
                best = swept;
            }
        }
        return new Backtest(computedAt, durationMillis, days, parameters.threshold(), parameters.horizonDays(),
                stockOutLevel, best, counts.products(0), counts.changes(),
                model(0, days, level), rule(0, days), classes(0, days), levels, perDay);
    }

    /** Whole days of changes the grid held before {@code t}, up to the days the model reads. */
    private int historyDays(long t) {
        if (counts.oldestChange() > t) {
            return 0;
        }
        return (int) Math.min(RiskParameters.HISTORY_DAYS, (t - counts.oldestChange()) / RiskParameters.DAY);
    }

    private BacktestScores model(int from, int to, int atLevel) {
        return scores(from, to, day -> ruleFlagged(day) + counts.trending(day, atLevel),
                day -> ruleFlaggedAndRanOut(day) + counts.trendingAndRanOut(day, atLevel));
    }

    private BacktestScores rule(int from, int to) {
        return scores(from, to, this::ruleFlagged, this::ruleFlaggedAndRanOut);
    }

    private Map<RiskClass, BacktestScores> classes(int from, int to) {
        Map<RiskClass, BacktestScores> classes = new EnumMap<>(RiskClass.class);
        for (RiskClass byRule : List.of(RiskClass.OUT_OF_STOCK, RiskClass.SEED_RULE)) {
            classes.put(byRule, scores(from, to, day -> counts.flagged(day, byRule),
                    day -> counts.flaggedAndRanOut(day, byRule)));
        }
        classes.put(RiskClass.TRENDING, scores(from, to, day -> counts.trending(day, level),
                day -> counts.trendingAndRanOut(day, level)));
        return classes;
    }

    private long ruleFlagged(int day) {
        return counts.flagged(day, RiskClass.OUT_OF_STOCK) + counts.flagged(day, RiskClass.SEED_RULE);
    }

    private long ruleFlaggedAndRanOut(int day) {
        return counts.flaggedAndRanOut(day, RiskClass.OUT_OF_STOCK) + counts.flaggedAndRanOut(day, RiskClass.SEED_RULE);
    }

    /** Over days {@code [from, to)}: products flagged, those of them that ran out, and all that ran out. */
    private BacktestScores scores(int from, int to, IntToLongFunction flagged, IntToLongFunction flaggedAndRanOut) {
        long all = 0;
        long right = 0;
        long ranOut = 0;
        for (int day = from; day < to; day++) {
            all += flagged.applyAsLong(day);
            right += flaggedAndRanOut.applyAsLong(day);
            ranOut += counts.ranOut(day);
        }
        return BacktestScores.of(all, right, ranOut);
    }

    private static double f1(BacktestLevel level) {
        return level.model().f1() == null ? -1 : level.model().f1();
    }
}
