package com.stockoutradar.compute.risk;

import com.stockoutradar.api.RiskClass;

/**
 * Decides whether a product will run out, by the brief's 7-day rule and by a demand forecast that sees a trend while
 * it emerges.
 * <p>
 * Demand is the last 7 days' mean daily sales; its trend is the least-squares slope of daily sales over the last 14
 * days (see {@link DemandHistory#salesOnDay}). The mean describes the middle of the window, 3.5 days ago, so
 * today's demand is the mean moved forward along the slope. Demand ahead then grows (or shrinks, down to zero)
 * along the slope, and the stock-out day is when the demand summed from now reaches the stock.
 */
public final class RiskModel {
    private static final double WINDOW_MIDDLE_DAYS = 3.5;

    private RiskModel() {
    }

    public static Assessment assess(long stock, DemandHistory history, RiskParameters parameters) {
        long sales = history.sales7d();
        long restocks = history.restocks7d();
        long velocity = sales - restocks;
        long projected = stock - velocity;
        double trend = slope(history);
        double dailyDemand = sales == 0 ? 0 : Math.max(0, sales / 7.0 + trend * WINDOW_MIDDLE_DAYS);
        Double daysOfCover = stock <= 0 ? Double.valueOf(0) : dailyDemand > 0 ? stock / dailyDemand : null;
        Double stockOutDays = sales == 0 && stock > 0 ? null : daysUntilStockOut(stock, dailyDemand, trend);
        return new Assessment(stock, sales, restocks, velocity, projected, dailyDemand, trend, daysOfCover,
                stockOutDays, riskClass(stock, sales, projected, stockOutDays, parameters));
    }

    /** Products with no sales in the window are at risk only when already out of stock. */
    private static RiskClass riskClass(long stock, long sales, long projected, Double stockOutDays,
                                       RiskParameters parameters) {
        if (stock <= 0) {
            return RiskClass.OUT_OF_STOCK;
        }
        if (sales == 0) {
            return null;
        }
        if (projected <= parameters.threshold()) {
            return RiskClass.SEED_RULE;
        }
        if (stockOutDays != null && stockOutDays <= parameters.horizonDays()) {
            return RiskClass.TRENDING;
        }
        return null;
    }

    /**
     * Solves demand·T + trend·T²/2 = stock for the first T ≥ 0; demand stops at zero when the trend is negative,
     * so a shrinking demand may never use up the stock.
     */
    static Double daysUntilStockOut(long stock, double demand, double trend) {
        if (stock <= 0) {
            return 0.0;
        }
        if (trend == 0) {
            return demand > 0 ? stock / demand : null;
        }
        double discriminant = demand * demand + 2 * trend * stock;
        if (trend < 0 && (demand <= 0 || discriminant < 0)) {
            return null; // demand fades out before the stock does
        }
        return (-demand + Math.sqrt(discriminant)) / trend;
    }

    /** Units the forecast sells from now over the next {@code days}; demand never goes below zero. */
    public static double demandWithin(double days, double dailyDemand, double trend) {
        double until = trend < 0 ? Math.min(days, dailyDemand / -trend) : days;
        return Math.max(0, dailyDemand * until + trend * until * until / 2);
    }

    /** Least-squares slope of daily sales against day (oldest to newest), in units per day per day. */
    static double slope(DemandHistory history) {
        int n = RiskParameters.TREND_DAYS;
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (int daysAgo = 0; daysAgo < n; daysAgo++) {
            meanY += history.salesOnDay(daysAgo);
        }
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (int daysAgo = 0; daysAgo < n; daysAgo++) {
            double x = n - 1 - daysAgo - meanX;
            covariance += x * (history.salesOnDay(daysAgo) - meanY);
            variance += x * x;
        }
        return covariance / variance;
    }
}
