package com.stockoutradar.compute.risk;

/**
 * The model before the {@link DemandForecast}, kept to compare with it: the last 7 days' mean daily sales moved from
 * the window's middle to now along the least-squares slope of 14 rolling days, extrapolated with demand clipped at
 * zero; the rule, or a stock-out within the horizon on that line.
 */
final class LinearTrendBaseline {
    private static final int TREND_DAYS = 14;
    private static final double WINDOW_MIDDLE_DAYS = 3.5;

    private LinearTrendBaseline() {
    }

    static boolean flags(long stock, DemandHistory history, long threshold, int horizonDays) {
        long sales = history.sales7d();
        if (stock <= 0) {
            return true;
        }
        if (sales == 0) {
            return false;
        }
        if (stock - (sales - history.restocks7d()) <= threshold) {
            return true;
        }
        double trend = slope(history);
        double demand = Math.max(0, sales / 7.0 + trend * WINDOW_MIDDLE_DAYS);
        Double days = daysUntilStockOut(stock, demand, trend);
        return days != null && days <= horizonDays;
    }

    private static Double daysUntilStockOut(long stock, double demand, double trend) {
        if (trend == 0) {
            return demand > 0 ? stock / demand : null;
        }
        double discriminant = demand * demand + 2 * trend * stock;
        if (trend < 0 && (demand <= 0 || discriminant < 0)) {
            return null;
        }
        return (-demand + Math.sqrt(discriminant)) / trend;
    }

    private static double slope(DemandHistory history) {
        double meanX = (TREND_DAYS - 1) / 2.0;
        double meanY = 0;
        for (int daysAgo = 0; daysAgo < TREND_DAYS; daysAgo++) {
            meanY += rollingDay(history, daysAgo);
        }
        meanY /= TREND_DAYS;
        double covariance = 0;
        double variance = 0;
        for (int daysAgo = 0; daysAgo < TREND_DAYS; daysAgo++) {
            double x = TREND_DAYS - 1 - daysAgo - meanX;
            covariance += x * (rollingDay(history, daysAgo) - meanY);
            variance += x * x;
        }
        return covariance / variance;
    }

    /** Units sold in the 24 hours {@code daysAgo} days before now, each UTC day's spread evenly over its hours. */
    private static double rollingDay(DemandHistory history, int daysAgo) {
        double elapsed = history.elapsedToday();
        double newer = daysAgo == 0 ? history.unitsSold(0) : elapsed * history.unitsSold(daysAgo);
        return newer + (1 - elapsed) * history.unitsSold(daysAgo + 1);
    }
}
