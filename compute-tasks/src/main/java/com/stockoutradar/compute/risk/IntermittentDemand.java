package com.stockoutradar.compute.risk;

/**
 * Fits a product that sells on few days (TSB, Teunter-Syntetos-Babai): the probability that a day sees a sale and
 * the size of a sale day, each a discounted mean, so that a product whose sales stop sees its probability fade
 * rather than its size. Its daily demand is their product, its variance that of a sale of random size on a random
 * day; no trend or weekly pattern is read from so few sales.
 */
final class IntermittentDemand {
    /** At least a week of history, on fewer than half of whose days something sold. */
    static final int MIN_DAYS = 7;
    static final double MAX_SALE_DAY_SHARE = 0.5;
    /** Sales days are sparse, so both means read further back than a smooth product's level. */
    static final double DISCOUNT = 0.95;
    /** Prior: one day, half a chance of a sale; one sale day of one unit. */
    private static final double PRIOR_DAYS = 1;
    private static final double PRIOR_SALE_DAYS = 0.5;
    private static final double PRIOR_SIZE = 1;
    private static final double PRIOR_SIZE_DAYS = 1;

    private IntermittentDemand() {
    }

    static boolean fits(DemandHistory history) {
        int days = history.daysObserved();
        if (days < MIN_DAYS) {
            return false;
        }
        int saleDays = 0;
        for (int daysAgo = 1; daysAgo <= days; daysAgo++) {
            if (history.unitsSold(daysAgo) > 0) {
                saleDays++;
            }
        }
        return saleDays >= 2 && saleDays < MAX_SALE_DAY_SHARE * days;
    }

    static DemandForecast fit(DemandHistory history) {
        double elapsed = history.elapsedToday();
        double exposure = PRIOR_DAYS;
        double saleDays = PRIOR_SALE_DAYS;
        double sizeDays = PRIOR_SIZE_DAYS;
        double units = PRIOR_SIZE_DAYS * PRIOR_SIZE;
        double squares = PRIOR_SIZE_DAYS * PRIOR_SIZE * PRIOR_SIZE;
        long soldToday = history.unitsSold(0);
        double weight = Math.pow(DISCOUNT, elapsed / 2);
        if (soldToday > 0) { // a sale day already, however much of it is left
            exposure += weight;
            saleDays += weight;
            sizeDays += weight;
            units += weight * soldToday;
            squares += weight * soldToday * soldToday;
        } else {
            exposure += weight * elapsed;
        }
        weight = Math.pow(DISCOUNT, elapsed + 0.5);
        for (int daysAgo = 1; daysAgo <= history.daysObserved(); daysAgo++, weight *= DISCOUNT) {
            long sold = history.unitsSold(daysAgo);
            exposure += weight;
            if (sold > 0) {
                saleDays += weight;
                sizeDays += weight;
                units += weight * sold;
                squares += weight * sold * sold;
            }
        }
        double chance = saleDays / exposure;
        double size = units / sizeDays;
        double sizeVariance = Math.max(0, squares / sizeDays - size * size);
        double level = chance * size;
        double dayVariance = chance * (sizeVariance + size * size) - level * level;
        double dispersion = Math.max(0, (dayVariance - level) / (level * level));
        double levelVariance = (1 - chance) / (chance * exposure) + sizeVariance / (size * size * sizeDays);
        return new DemandForecast(new DampedTrend(level, 0), WeeklyPattern.NONE, dispersion, levelVariance, elapsed,
                history.today());
    }
}
