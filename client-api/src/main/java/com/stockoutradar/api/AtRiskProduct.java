package com.stockoutradar.api;

/**
 * A product at risk of running out, as the live risk list holds it. {@code rank} is its place in the list asked
 * for (1 is the most at risk in the default order: earliest stock-out, then lowest projected stock).
 *
 * @param velocity     units sold minus units restocked in the last 7 days (the brief's velocity)
 * @param projected    stock minus velocity
 * @param dailyDemand  forecast units sold per day now
 * @param trend        change of daily demand per day (units/day²)
 * @param daysOfCover  stock / daily demand; null without demand
 * @param stockOutDays days until the forecast uses up the stock; null if it never does
 * @param stockOutDate unix seconds of that moment; null if it never comes
 */
public record AtRiskProduct(long rank, long productId, String name, RiskClass riskClass, long stock, long sales7d,
                            long restocks7d, long velocity, long projected, double dailyDemand, double trend,
                            Double daysOfCover, Double stockOutDays, Long stockOutDate) {
}
