package com.stockoutradar.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A product's last days (UTC calendar days, oldest first) and where its stock is heading: the forecast as of now,
 * with the projected stock day by day until it runs out (or the forecast horizon ends).
 */
public record ProductHistory(long productId, String name, long stock, List<Day> days, Forecast forecast,
                             List<Projection> projection) {

    /** Units sold and restocked on a day, and the stock at its end. */
    public record Day(LocalDate date, long sales, long restocks, long stock) {
    }

    /**
     * The numbers behind the risk class, computed now with the current parameters; the stock-out as in
     * {@link AtRiskProduct}, from the same forecast.
     */
    public record Forecast(long asOf, RiskClass riskClass, long sales7d, long restocks7d, long velocity, long projected,
                           long threshold, int horizonDays, double stockOutLevel, double dailyDemand, double trend,
                           Double daysOfCover, Double stockOutDays, Long stockOutDate, double stockOutProbability,
                           Long stockOutDateP10, Long stockOutDateP90) {
    }

    public record Projection(LocalDate date, double stock) {
    }
}
