package com.stockoutradar.compute.risk;

/**
 * When a product's numbers next change by time alone, without a change to the product: at the next UTC midnight
 * (the daily buckets, and with them the forecast, move a day), when the oldest change inside the 7-day window leaves
 * it, or when the forecast's 10 % stock-out day reaches the horizon. Taking the forecast as it stands, its chance of
 * a stock-out within the horizon cannot reach a {@link RiskParameters#stockOutLevel} of 10 % or more before then.
 * Between midnights the forecast also drifts as hours pass without a sale, mostly toward less demand; the next
 * midnight catches that. A product with no changes in the days the model reads never changes by time alone.
 */
public final class NextReview {
    /** The numbers cannot change until the product does. */
    public static final long NEVER = -1;

    private NextReview() {
    }

    /** The unix second to assess the product again, never sooner than a second after now, or {@link #NEVER}. */
    public static long of(DemandHistory history, Assessment assessment, int horizonDays) {
        long at = ofTheDays(history);
        if (at == NEVER) {
            return NEVER;
        }
        long now = history.now();
        Double earliest = assessment.stockOutDaysP10();
        if (earliest != null && earliest > horizonDays) {
            double untilHorizon = (earliest - horizonDays) * RiskParameters.DAY;
            if (untilHorizon < at - now) { // compared before rounding: a far stock-out must not overflow
                at = now + (long) Math.ceil(untilHorizon);
            }
        }
        return Math.max(at, now + 1);
    }

    /**
     * When the product's days next move: the next UTC midnight, or the oldest change inside the window leaving it;
     * {@link #NEVER} when the days the model reads saw no change. Not the forecast's own drift toward the horizon.
     */
    static long ofTheDays(DemandHistory history) {
        if (history.changes() == 0) {
            return NEVER;
        }
        long at = (DemandDays.dayOf(history.now()) + 1) * RiskParameters.DAY;
        if (history.firstInWindow() != DemandHistory.NONE) {
            at = Math.min(at, history.firstInWindow() + RiskParameters.WINDOW_SECONDS);
        }
        return Math.max(at, history.now() + 1);
    }
}
