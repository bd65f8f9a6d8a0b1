package com.stockoutradar.compute.risk;

import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The probability of a stock-out within the horizon, and the days at which it reaches other probabilities, with one
 * evaluation of the negative binomial's tail, the costly part. The days are searched on the tail's cheap normal
 * approximation ({@link NegativeBinomialTail#score}), shifted to agree with the exact tail at the horizon: so a
 * median beyond the horizon always goes with a probability under a half there, and the approximation's small error
 * (under 0.01, a little more for very lumpy demand) is smaller still near the horizon. The approximate score is near
 * linear in the cube root of the days (exactly so for a steady Poisson demand), so the search takes secant steps
 * there, kept inside a bracket of known points, which every search leaves for the next.
 */
final class StockOutDaySearch {
    /** Scores this close to the target are close enough: some minutes on a product that sells daily. */
    private static final double SCORE_TOLERANCE = 5e-3;
    private static final int MAX_STEPS = 30;
    /** Brackets this narrow, relative to the cube root of the days, hold the day to a few thousandths. */
    private static final double ROOT_TOLERANCE = 1e-3;
    /** Scores of probabilities as near 0 and 1 as a double tells apart. */
    private static final double MAX_SCORE = 8.2;
    /**
     * The approximation is shifted only by a horizon's probability from 0.6 to 99.4 %: further out in the tails its
     * score's error grows, and it could not move a day across the horizon anyway.
     */
    private static final double SHIFTED_SCORE = 2.5;

    private final DemandForecast forecast;
    private final long stock;
    private final double probability;
    /** Exact score less approximate score at the horizon. */
    private final double shift;
    /** Points of the shifted score: the cube roots of their days, and their scores. */
    private final double[] roots = new double[8];
    private final double[] scores = new double[roots.length];
    private int points;
    private boolean capped;

    /** The scores of the days searched: 10, 50 and 90 %. */
    static final double P10 = score(0.1);
    static final double MEDIAN = 0;
    static final double P90 = score(0.9);

    /** {@code probability} is the exact P(stock-out within the horizon). */
    StockOutDaySearch(DemandForecast forecast, long stock, double horizon, double probability) {
        this.forecast = forecast;
        this.stock = stock;
        this.probability = probability;
        double exact = score(probability);
        double approximate = forecast.approximateScore(stock, horizon);
        this.shift = Math.abs(exact) < SHIFTED_SCORE ? exact - approximate : 0;
        add(0, forecast.approximateScore(stock, 0) + shift);
        add(Math.cbrt(horizon), approximate + shift);
    }

    /** P(stock-out within the horizon), exact. */
    double probability() {
        return probability;
    }

    /**
     * The first day by which the stock-out has the probability whose normal score is {@code target}, or null when not
     * within {@link DemandForecast#HORIZON_CAP_DAYS}; {@code cover}, the days of cover, is a known point near the
     * median.
     */
    Double day(double target, Double cover) {
        if (cover != null && cover > 0) {
            addOnce(cover);
        }
        int below = -1;
        int above = -1;
        for (int i = 0; i < points; i++) {
            if (scores[i] < target) {
                if (below < 0 || scores[i] > scores[below]) {
                    below = i;
                }
            } else if (above < 0 || scores[i] < scores[above]) {
                above = i;
            }
        }
        if (below < 0) {
            return 0.0;
        }
        if (above < 0) {
            if (capped) {
                return null;
            }
            capped = true;
            add(Math.cbrt(DemandForecast.HORIZON_CAP_DAYS),
                    forecast.approximateScore(stock, DemandForecast.HORIZON_CAP_DAYS) + shift);
            if (scores[points - 1] < target) {
                return null;
            }
            above = points - 1;
        }
        double low = roots[below];
        double lowScore = scores[below];
        double high = roots[above];
        double highScore = scores[above];
        double previous = low;
        double previousScore = lowScore;
        double root = high;
        double rootScore = highScore;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (Math.abs(rootScore - target) < SCORE_TOLERANCE) {
                return days(root);
            }
            double next = root + (target - rootScore) * (root - previous) / (rootScore - previousScore);
            if (!(next > low && next < high)) {
                next = (low + high) / 2;
            }
            double nextScore = forecast.approximateScore(stock, days(next)) + shift;
            if (nextScore < target) {
                low = next;
            } else {
                high = next;
            }
            previous = root;
            previousScore = rootScore;
            root = next;
            rootScore = nextScore;
            if (high - low < ROOT_TOLERANCE * high) {
                break;
            }
        }
        add(root, rootScore);
        return days(root);
    }

    private void addOnce(double t) {
        double root = Math.cbrt(t);
        for (int i = 0; i < points; i++) {
            if (roots[i] == root) {
                return;
            }
        }
        add(root, forecast.approximateScore(stock, t) + shift);
    }

    private void add(double root, double score) {
        roots[points] = root;
        scores[points++] = score;
    }

    private static double days(double root) {
        return root * root * root;
    }

    /** The standard normal quantile of p, within ±{@link #MAX_SCORE}. */
    static double score(double p) {
        double z = -Math.sqrt(2) * InverseErfc.value(2 * p);
        return Math.max(-MAX_SCORE, Math.min(MAX_SCORE, z));
    }
}
