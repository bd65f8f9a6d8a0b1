package com.stockoutradar.api;

import java.util.Map;

/**
 * The list as of one past moment against the week after it.
 *
 * @param asOf        the moment (unix s, a UTC midnight)
 * @param historyDays whole days of changes the grid held before it, up to the 28 the model reads: fewer when the
 *                    grid's retention or the shop's age cut them short
 * @param model       the 7-day rule's products and {@code TRENDING}'s
 * @param rule        the 7-day rule's alone: {@code OUT_OF_STOCK} and {@code SEED_RULE}
 * @param classes     each class's; its recall is its share of all products that ran out
 */
public record BacktestDay(long asOf, int historyDays, BacktestScores model, BacktestScores rule,
                          Map<RiskClass, BacktestScores> classes) {
}
