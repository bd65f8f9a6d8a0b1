package com.stockoutradar.compute.risk;

/**
 * Mean daily demand {@code u} days from now: the level now, moving along a slope that fades by {@link #DAMPING} a
 * day, so that no trend runs on forever; the fitter keeps the demand it fades to above zero.
 *
 * @param level units a day now
 * @param slope units a day per day now
 */
record DampedTrend(double level, double slope) {
    /** Share of a day's slope left the next day: a trend halves its pull in about a week. */
    static final double DAMPING = 0.9;
    /** The damping as a continuous rate: the slope after u days is {@code slope · exp(-DECAY · u)}. */
    static final double DECAY = -Math.log(DAMPING);

    /** Units a day, {@code u} days from now. */
    double rate(double u) {
        return level + slope * faded(u);
    }

    /** Units sold within {@code u} days from now. */
    double cumulative(double u) {
        return level * u + slope * (u - faded(u)) / DECAY;
    }

    /** The demand a fading slope of one adds by day {@code u}: ∫ exp(-DECAY·s) ds over [0, u]. */
    private static double faded(double u) {
        return -Math.expm1(-DECAY * u) / DECAY;
    }

    /**
     * The day at which {@link #cumulative} reaches {@code units}. Newton's method from {@code units / level}: the
     * cumulative demand is convex for a rising slope and concave for a falling one, so the steps close in from one
     * side. Needs demand above zero at all times, which the fitter ensures.
     */
    double daysToSell(double units) {
        double u = units / level;
        for (int i = 0; i < 50; i++) {
            double step = (cumulative(u) - units) / rate(u);
            u -= step;
            if (Math.abs(step) <= 1e-9 * u) {
                break;
            }
        }
        return u;
    }
}
