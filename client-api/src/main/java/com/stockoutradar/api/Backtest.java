package com.stockoutradar.api;

import java.util.List;
import java.util.Map;

/**
 * How often the at-risk list was right: for each of the last {@code days} UTC midnights T (the latest a week before
 * today's, so that the week after each is over), the list as of T computed from the changes up to T, against the
 * products whose stock was at or below zero at some moment of (T, T + 7 days]. Totals add the days up: a product
 * counts once a day.
 *
 * @param computedAt     when it ran (unix s)
 * @param stockOutLevel  the level {@code TRENDING} is flagged from now ({@code radar.risk.stock-out-level})
 * @param best           the lowest level with the model's best F1 over the days on this shop, and its scores
 * @param products       products judged each day: those in the grid now
 * @param changes        changes the grid held
 * @param levels         the model's totals at each level swept
 * @param perDay         newest first
 */
public record Backtest(long computedAt, long durationMillis, int days, long threshold, int horizonDays,
                       double stockOutLevel, BacktestLevel best, long products, long changes, BacktestScores model,
                       BacktestScores rule, Map<RiskClass, BacktestScores> classes, List<BacktestLevel> levels,
                       List<BacktestDay> perDay) {
}
