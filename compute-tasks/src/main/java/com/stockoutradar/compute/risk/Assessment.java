package com.stockoutradar.compute.risk;

import com.stockoutradar.api.RiskClass;

/**
 * One product's numbers at refresh time.
 *
 * @param velocity            the brief's velocity: units sold minus units restocked in the last 7 days
 * @param projected           stock minus velocity
 * @param dailyDemand         the forecast's mean units sold a day now, over a week's days (sales only)
 * @param trend               the forecast's slope of daily demand now (units/day²), fading a little every day
 * @param daysOfCover         days until the forecast's mean demand uses up the stock; 0 when out of stock, null when
 *                            not within a year
 * @param stockOutProbability P(the stock is sold out within the horizon); 1 when out of stock
 * @param stockOutDaysP10     days until a stock-out with probability 10 %; null when not within a year
 * @param stockOutDays        days until a stock-out with probability 50 %, the median; 0 when out of stock, null when
 *                            not within a year
 * @param stockOutDaysP90     days until a stock-out with probability 90 %; null when not within a year
 * @param riskClass           why the product is at risk, or null when it is not
 */
public record Assessment(long stock, long sales7d, long restocks7d, long velocity, long projected, double dailyDemand,
                         double trend, Double daysOfCover, double stockOutProbability, Double stockOutDaysP10,
                         Double stockOutDays, Double stockOutDaysP90, RiskClass riskClass) {

    public boolean atRisk() {
        return riskClass != null;
    }
}
