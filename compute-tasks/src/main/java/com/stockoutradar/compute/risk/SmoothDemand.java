package com.stockoutradar.compute.risk;

/**
 * Fits a product that sells on most days, or has too little history to tell: a level from exponentially discounted
 * daily sales, a damped slope where the history shows one, a weekly pattern where it shows one, and the day-to-day
 * dispersion. A brand-new product leans on a prior of {@link #PRIOR_UNITS} units in {@link #PRIOR_DAYS} days: a
 * fifth of a unit a day, worth a tenth of a day, so that hours of sales outweigh it, and so unsure that a product
 * nothing is known of has a small chance (under 10 %) of selling even its first unit in a week.
 */
final class SmoothDemand {
    static final double PRIOR_UNITS = 0.02;
    static final double PRIOR_DAYS = 0.1;
    /** Weight of a day's sales against the next day's: the level mostly reads the last two weeks. */
    static final double LEVEL_DISCOUNT = 0.9;
    private static final double ROOT_DISCOUNT = Math.sqrt(LEVEL_DISCOUNT);
    /** The slope reads further back than the level: a slope is harder to tell from noise. */
    static final double SLOPE_DISCOUNT = 0.95;
    static final int MIN_SLOPE_DAYS = 7;
    /**
     * The slope is shrunk toward 0 by this times its estimated variance over its square (a positive-part
     * James-Stein factor): a slope within √2 standard errors of 0 is dropped. Extrapolated from the level's age to
     * beyond the horizon, a slope's noise weighs more than its bias.
     */
    static final double SLOPE_DOUBT = 2;
    /** A falling demand fades to at least this share of its level now: sales rarely stop on a trend alone. */
    static final double FLOOR = 0.25;
    /** A prior dispersion worth a week of days: most shops' daily sales vary a little more than Poisson. */
    static final double PRIOR_DISPERSION = 0.1;
    static final double PRIOR_DISPERSION_DAYS = 7;
    /** Means below this are not trusted in the dispersion's moments: one unit on a quiet day says little. */
    private static final double MIN_MEAN = 0.1;

    private SmoothDemand() {
    }

    static DemandForecast fit(DemandHistory history) {
        int days = Math.max(0, history.daysObserved());
        double elapsed = history.elapsedToday();
        long today = history.today();
        double middle = (days + 1) / 2.0;
        double mean = 0;
        double slope = 0;
        if (days >= 2) {
            double covariance = 0;
            for (int daysAgo = 1; daysAgo <= days; daysAgo++) {
                mean += history.unitsSold(daysAgo);
                covariance += (daysAgo - middle) * history.unitsSold(daysAgo);
            }
            mean /= days;
            slope = -covariance / (days * ((double) days * days - 1) / 12); // per day forward in time
        }
        // nothing sold in the whole days (the common case in a large shop): no pattern and no slope to read
        boolean sold = mean > 0;
        WeeklyPattern week = sold ? WeeklyPattern.of(history, days, slope) : WeeklyPattern.NONE;
        double dispersion = dispersion(history, days, week, mean, slope, middle);

        // the level: discounted units per day of exposure, with the prior; and the age of that mean
        double units = 0;
        double exposure = 0;
        double ageSum = 0;
        double todayWeight = Math.pow(LEVEL_DISCOUNT, elapsed / 2);
        if (history.daysObserved() >= 0 && elapsed > 0) {
            units += todayWeight * history.unitsSold(0) / week.factor(today);
            exposure += todayWeight * elapsed;
            ageSum += todayWeight * elapsed * elapsed / 2;
        }
        double weight = todayWeight * todayWeight * ROOT_DISCOUNT; // LEVEL_DISCOUNT^(elapsed + 0.5)
        for (int daysAgo = 1; daysAgo <= days; daysAgo++, weight *= LEVEL_DISCOUNT) {
            units += weight * history.unitsSold(daysAgo) / week.factor(today - daysAgo);
            exposure += weight;
            ageSum += weight * (elapsed + daysAgo - 0.5);
        }
        double recent = (PRIOR_UNITS + units) / (PRIOR_DAYS + exposure);
        double age = exposure > 0 ? ageSum / exposure : 0;
        double levelVariance = (1 + dispersion * recent) / (PRIOR_UNITS + units);

        double trend = sold && days >= MIN_SLOPE_DAYS ? slope(history, days, week, dispersion) : 0;
        // the mean moves from its age to now along the slope, and demand fades to no less than FLOOR of that
        trend = Math.max(trend, -(1 - FLOOR) * recent / ((1 - FLOOR) * age + 1 / DampedTrend.DECAY));
        return new DemandForecast(new DampedTrend(recent + trend * age, trend), week, dispersion, levelVariance,
                elapsed, today);
    }

    /**
     * Method of moments around the linear fit of the whole days, Σ((y - m)² - m) / Σ m², shrunk toward the prior;
     * curvature the line misses counts as noise, which errs on the wide side.
     */
    private static double dispersion(DemandHistory history, int days, WeeklyPattern week, double mean, double slope,
                                     double middle) {
        if (days < 3) {
            return PRIOR_DISPERSION;
        }
        double excess = 0;
        double squares = 0;
        for (int daysAgo = 1; daysAgo <= days; daysAgo++) {
            double m = Math.max(MIN_MEAN, week.factor(history.today() - daysAgo) * (mean + slope * (middle - daysAgo)));
            double residual = history.unitsSold(daysAgo) - m;
            excess += residual * residual - m;
            squares += m * m;
        }
        double observed = excess / squares;
        return Math.max(0, (days * observed + PRIOR_DISPERSION_DAYS * PRIOR_DISPERSION)
                / (days + PRIOR_DISPERSION_DAYS));
    }

    /** The slope of weekday-adjusted daily sales by discounted least squares, shrunk by its doubt. */
    private static double slope(DemandHistory history, int days, WeeklyPattern week, double dispersion) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        double sww = 0;
        double swwx = 0;
        double swwxx = 0;
        double w = SLOPE_DISCOUNT;
        for (int daysAgo = 1; daysAgo <= days; daysAgo++, w *= SLOPE_DISCOUNT) {
            double x = -daysAgo;
            double y = history.unitsSold(daysAgo) / week.factor(history.today() - daysAgo);
            sw += w;
            swx += w * x;
            swy += w * y;
            swxx += w * x * x;
            swxy += w * x * y;
            sww += w * w;
            swwx += w * w * x;
            swwxx += w * w * x * x;
        }
        double meanX = swx / sw;
        double meanY = swy / sw;
        double sxx = swxx - sw * meanX * meanX;
        double slope = (swxy - sw * meanX * meanY) / sxx;
        double noise = Math.max(MIN_MEAN, meanY) * (1 + dispersion * meanY);
        double variance = noise * (swwxx - 2 * meanX * swwx + meanX * meanX * sww) / (sxx * sxx);
        return slope == 0 ? 0 : Math.max(0, 1 - SLOPE_DOUBT * variance / (slope * slope)) * slope;
    }
}
