package com.stockoutradar.api;

/**
 * A product at risk of running out, as the live risk list holds it. {@code rank} is its place in the list asked
 * for (1 is the most at risk in the default order: earliest stock-out, then lowest projected stock).
 *
 * @param velocity     units sold minus units restocked in the last 7 days (the brief's velocity)
 * @param projected    stock minus velocity
 * @param dailyDemand  forecast units sold per day now
 * @param trend        change of daily demand per day (units/day²)
 * @param daysOfCover         days until the forecast's mean demand uses up the stock; null when not within a year
 * @param stockOutDays        days until a stock-out is as likely as not (the forecast's median); null when not
 *                            within a year
 * @param stockOutDate        unix seconds of that moment; null if it never comes
 * @param stockOutProbability the forecast's probability of a stock-out within the horizon
 * @param stockOutDateP10     unix seconds by which a stock-out has a 10 % chance: the early end of its range
 * @param stockOutDateP90     unix seconds by which a stock-out has a 90 % chance: the late end; null when not within
 *                            a year
 */
public record AtRiskProduct(long rank, long productId, String name, RiskClass riskClass, long stock, long sales7d,
                            long restocks7d, long velocity, long projected, double dailyDemand, double trend,
                            Double daysOfCover, Double stockOutDays, Long stockOutDate, double stockOutProbability,
                            Long stockOutDateP10, Long stockOutDateP90) {
}
