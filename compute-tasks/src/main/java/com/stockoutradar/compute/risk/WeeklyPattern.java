package com.stockoutradar.compute.risk;

/**
 * Demand by day of the week, as factors of the week's mean (their mean is 1). A product gets factors only when its
 * history shows a weekly pattern beyond chance, and they are shrunk toward 1 by how clear the pattern is; most
 * products have {@link #NONE}.
 */
final class WeeklyPattern {
    static final WeeklyPattern NONE = new WeeklyPattern(null);
    /** Two of each weekday at least. */
    static final int MIN_DAYS = 14;
    /**
     * The weekday means' F statistic (one-way analysis of variance) a pattern must pass: about the 1 % point of
     * F(6, 20), so that few of the many products without a pattern get one by chance.
     */
    static final double SIGNIFICANT_F = 3.9;
    private static final int WEEK = 7;
    /** No weekday is taken to sell nothing: a quiet day in four weeks proves little. */
    private static final double MIN_FACTOR = 0.1;

    /** By {@code Math.floorMod(day, 7)} of the UTC day number; null for none. */
    private final double[] factors;

    private WeeklyPattern(double[] factors) {
        this.factors = factors;
    }

    /**
     * The pattern of the {@code days} whole days before today (none when fewer than {@link #MIN_DAYS}), from the
     * units sold less a linear trend of {@code slope} units a day per day, so that a trend is not taken for weekdays.
     */
    static WeeklyPattern of(DemandHistory history, int days, double slope) {
        if (days < MIN_DAYS) {
            return NONE;
        }
        double[] sums = new double[WEEK];
        int[] counts = new int[WEEK];
        double total = 0;
        double middle = (days + 1) / 2.0;
        for (int daysAgo = 1; daysAgo <= days; daysAgo++) {
            double units = history.unitsSold(daysAgo) + slope * (daysAgo - middle);
            int weekday = weekday(history.today() - daysAgo);
            sums[weekday] += units;
            counts[weekday]++;
            total += units;
        }
        double mean = total / days;
        if (mean <= 0) {
            return NONE;
        }
        double between = 0;
        for (int d = 0; d < WEEK; d++) {
            double weekdayMean = sums[d] / counts[d];
            between += counts[d] * (weekdayMean - mean) * (weekdayMean - mean);
        }
        double within = 0;
        for (int daysAgo = 1; daysAgo <= days; daysAgo++) {
            int weekday = weekday(history.today() - daysAgo);
            double detrended = history.unitsSold(daysAgo) + slope * (daysAgo - middle);
            double deviation = detrended - sums[weekday] / counts[weekday];
            within += deviation * deviation;
        }
        // 6 degrees of freedom between weekdays; within, the days less 7 weekday means and the slope
        double f = (between / (WEEK - 1)) / (within / (days - WEEK - 1));
        if (!(f > SIGNIFICANT_F)) {
            return NONE;
        }
        // positive-part James-Stein: 7 means, shrunk toward their mean by (7 - 3) / (7 - 1) / F
        double kept = 1 - (WEEK - 3.0) / (WEEK - 1) / f;
        double[] factors = new double[WEEK];
        double sum = 0;
        for (int d = 0; d < WEEK; d++) {
            factors[d] = Math.max(MIN_FACTOR, 1 + kept * (sums[d] / counts[d] / mean - 1));
            sum += factors[d];
        }
        for (int d = 0; d < WEEK; d++) {
            factors[d] *= WEEK / sum;
        }
        return new WeeklyPattern(factors);
    }

    boolean shown() {
        return factors != null;
    }

    /** The factor of UTC day number {@code day}. */
    double factor(long day) {
        return factors == null ? 1 : factors[weekday(day)];
    }

    /**
     * Weekday-weighted days in the {@code t} days from now, when {@code elapsed} of UTC day {@code today} has passed:
     * a week of them is 7; the demand of {@code t} days is the demand of this many average days.
     */
    double clock(double t, double elapsed, long today) {
        if (factors == null) {
            return t;
        }
        double rest = 1 - elapsed;
        if (t <= rest) {
            return t * factor(today);
        }
        double weighted = rest * factor(today);
        double after = t - rest;
        long whole = (long) after;
        weighted += whole / WEEK * WEEK;
        long day = today + 1 + whole / WEEK * WEEK;
        for (long end = today + 1 + whole; day < end; day++) {
            weighted += factor(day);
        }
        return weighted + (after - whole) * factor(day);
    }

    /** The inverse of {@link #clock}: the days from now that hold {@code weighted} weekday-weighted days. */
    double days(double weighted, double elapsed, long today) {
        if (factors == null) {
            return weighted;
        }
        double rest = 1 - elapsed;
        if (weighted <= rest * factor(today)) {
            return weighted / factor(today);
        }
        double left = weighted - rest * factor(today);
        double weeks = Math.floor(left / WEEK);
        left -= weeks * WEEK;
        double t = rest + weeks * WEEK;
        long day = today + 1;
        for (int i = 1; i < WEEK && left > factor(day); i++, day++) { // the week's factors sum to 7 > left
            left -= factor(day);
            t++;
        }
        return t + left / factor(day);
    }

    static int weekday(long day) {
        return (int) Math.floorMod(day, WEEK);
    }
}
