package com.stockoutradar.compute.risk;

import com.stockoutradar.api.RiskClass;

/**
 * Decides whether a product will run out, by the brief's 7-day rule and by a probabilistic demand forecast
 * ({@link DemandForecast}) that also sees what the rule misses: a rising or lumpy demand, a recent restock that hides
 * the week's sales, a new product. {@code TRENDING} is a product the rule leaves alone whose stock-out within the
 * horizon has at least the parameters' probability.
 */
public final class RiskModel {
    private RiskModel() {
    }

    public static Assessment assess(long stock, DemandHistory history, RiskParameters parameters) {
        DemandForecast forecast = DemandForecast.of(history);
        return assess(stock, history, parameters, forecast,
                forecast.probabilityOfStockOut(stock, parameters.horizonDays()), false);
    }

    /**
     * The assessment of a product at risk, or null for one that is not: what a refresh keeps, which lists only
     * products at risk. Equal to {@link #assess} for a product at risk, and null exactly when {@link #assess} finds
     * it not at risk; but a product the rule leaves alone whose stock the forecast's mean and variance show to be
     * far beyond the horizon's demand ({@link DemandForecast#mayStockOut}) is dismissed without the costly
     * numbers: the negative binomial's tail and the stock-out days.
     */
    public static Assessment assessIfAtRisk(long stock, DemandHistory history, RiskParameters parameters) {
        return review(stock, history, parameters, false).assessment();
    }

    /**
     * A refresh's assessment ({@link #assessIfAtRisk}) in outline, and the unix second from which it may no longer
     * stand by time alone: {@link NextReview} for a product at risk. The outline has the class, the 7-day numbers and
     * the stock-out date that tell whether the product's row stands ({@link AtRiskRow#standsFor}), but not every
     * stock-out day: a row to write is assessed in full ({@link #assess}). For a product dismissed, whose stock-out
     * days are not computed, the next move of its days, or 0 (assess it again next time) when the forecast as it
     * stands might reach the level by then.
     */
    public static Reviewed review(long stock, DemandHistory history, RiskParameters parameters) {
        return review(stock, history, parameters, true);
    }

    private static Reviewed review(long stock, DemandHistory history, RiskParameters parameters, boolean outline) {
        DemandForecast forecast = DemandForecast.of(history);
        double probability = 1;
        int horizon = parameters.horizonDays();
        if (ruleClass(stock, history, parameters.threshold()) == null) {
            boolean may = forecast.mayStockOut(stock, horizon, parameters.stockOutLevel());
            if (may) {
                probability = forecast.probabilityOfStockOut(stock, horizon);
            }
            if (!may || probability < parameters.stockOutLevel()) {
                long at = NextReview.ofTheDays(history);
                if (at != NextReview.NEVER && forecast.mayStockOut(stock,
                        horizon + (at - parameters.now()) / (double) RiskParameters.DAY, parameters.stockOutLevel())) {
                    at = 0;
                }
                return new Reviewed(null, at);
            }
        } else if (stock > 0) {
            probability = forecast.probabilityOfStockOut(stock, horizon);
        }
        Assessment assessment = assess(stock, history, parameters, forecast, probability, outline);
        return new Reviewed(assessment, NextReview.of(history, assessment, horizon));
    }

    /**
     * What the rule alone makes of a product, as {@link #assess} classes it: {@code OUT_OF_STOCK}, {@code SEED_RULE},
     * or null when it leaves the product to the forecast. The rule reads only products with sales in the window, as
     * the brief's.
     */
    public static RiskClass ruleClass(long stock, DemandHistory history, long threshold) {
        if (stock <= 0) {
            return RiskClass.OUT_OF_STOCK;
        }
        long sales = history.sales7d();
        return sales > 0 && stock - (sales - history.restocks7d()) <= threshold ? RiskClass.SEED_RULE : null;
    }

    /**
     * P(stock-out within {@code horizonDays}) of a product in stock that the rule leaves alone: {@link #assess} makes it
     * {@code TRENDING} at every level up to this. 0 when a bound proves it below {@code floor}, without the tail's
     * cost: for a backtest that asks about many levels, {@code floor} is the lowest.
     */
    public static double stockOutProbability(long stock, DemandHistory history, int horizonDays, double floor) {
        DemandForecast forecast = DemandForecast.of(history);
        return forecast.mayStockOut(stock, horizonDays, floor) ? forecast.probabilityOfStockOut(stock, horizonDays) : 0;
    }

    /**
     * @param assessment the product's numbers when at risk, in outline, else null
     * @param reviewAt   unix second from which time alone may change them, {@link NextReview#NEVER}, or 0: now
     */
    public record Reviewed(Assessment assessment, long reviewAt) {
    }

    private static Assessment assess(long stock, DemandHistory history, RiskParameters parameters,
                                     DemandForecast forecast, double probability, boolean outline) {
        long sales = history.sales7d();
        long restocks = history.restocks7d();
        long velocity = sales - restocks;
        long projected = stock - velocity;
        DemandForecast.StockOut stockOut = forecast.stockOut(stock, parameters.horizonDays(), probability, outline);
        return new Assessment(stock, sales, restocks, velocity, projected, forecast.dailyDemand(), forecast.trend(),
                stockOut.daysOfCover(), stockOut.probability(), stockOut.p10(), stockOut.median(), stockOut.p90(),
                riskClass(stock, history, stockOut.probability(), parameters));
    }

    /** The rule first; the forecast reads every product. */
    private static RiskClass riskClass(long stock, DemandHistory history, double stockOutProbability,
                                       RiskParameters parameters) {
        RiskClass byRule = ruleClass(stock, history, parameters.threshold());
        if (byRule != null) {
            return byRule;
        }
        return stockOutProbability >= parameters.stockOutLevel() ? RiskClass.TRENDING : null;
    }
}
