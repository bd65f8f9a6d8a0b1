package com.stockoutradar.compute.risk;

import com.stockoutradar.api.RiskClass;

/**
 * One product's numbers at refresh time.
 *
 * @param velocity     the brief's velocity: units sold minus units restocked in the last 7 days
 * @param projected    stock minus velocity
 * @param dailyDemand  forecast units sold per day now (sales only)
 * @param trend        change of daily demand per day (units/day²): the acceleration
 * @param daysOfCover  stock / daily demand; null when there is no demand
 * @param stockOutDays days until forecast demand, growing or shrinking with the trend, uses up the stock; 0 when
 *                     out of stock, null when it never does
 * @param riskClass    why the product is at risk, or null when it is not
 */
public record Assessment(long stock, long sales7d, long restocks7d, long velocity, long projected, double dailyDemand,
                         double trend, Double daysOfCover, Double stockOutDays, RiskClass riskClass) {

    public boolean atRisk() {
        return riskClass != null;
    }
}
