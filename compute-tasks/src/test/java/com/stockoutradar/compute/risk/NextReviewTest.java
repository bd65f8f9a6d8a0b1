package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A product is reviewed at the first moment time alone can change its numbers or its class, and never when it cannot:
 * its class by the forecast no sooner than its 10 % stock-out day reaches the horizon.
 */
class NextReviewTest {
    private static final long DAY = RiskParameters.DAY;
    private static final int HORIZON_DAYS = 7;
    /** Ten hours into a UTC day: 14 hours to midnight. */
    private static final long NOW = 20_000 * DAY + 10 * 3_600;
    private static final long MIDNIGHT = 20_001 * DAY;

    @Test
    void aProductWithHistoryIsReviewedAtTheNextMidnight() {
        DemandHistory history = history();
        history.add(true, 3, NOW - 8 * DAY); // outside the window: only the daily buckets move

        assertThat(NextReview.of(history, assessment(null), HORIZON_DAYS)).isEqualTo(MIDNIGHT);
    }

    @Test
    void theOldestChangeInTheWindowIsReviewedWhenItLeavesIt() {
        DemandHistory history = history();
        history.add(true, 3, NOW - 7 * DAY + 60);
        history.add(false, 5, NOW - 7 * DAY + 120);

        assertThat(NextReview.of(history, assessment(null), HORIZON_DAYS)).isEqualTo(NOW + 60);
    }

    @Test
    void theOldestChangeOfADayTheWindowStartSplitsComesFromTheLookup() {
        DemandHistory history = history();
        history.changedInWindowAt(NOW - 7 * DAY + 90);
        history.add(true, 3, NOW - DAY);

        assertThat(NextReview.of(history, assessment(null), HORIZON_DAYS)).isEqualTo(NOW + 90);
    }

    @Test
    void aForecastWhoseTenPercentStockOutIsBeyondTheHorizonIsReviewedWhenItReachesIt() {
        DemandHistory history = history();
        history.add(true, 3, NOW - DAY);

        assertThat(NextReview.of(history, assessment(HORIZON_DAYS + 0.25), HORIZON_DAYS)).isEqualTo(NOW + DAY / 4);
    }

    @Test
    void theEarliestMomentWins() {
        DemandHistory history = history();
        history.add(true, 3, NOW - 7 * DAY + 3_600);

        assertThat(NextReview.of(history, assessment(HORIZON_DAYS + 0.5), HORIZON_DAYS)).isEqualTo(NOW + 3_600);
        assertThat(NextReview.of(history, assessment(HORIZON_DAYS + 0.01), HORIZON_DAYS))
                .isEqualTo(NOW + (long) Math.ceil(0.01 * DAY));
        assertThat(NextReview.of(history, assessment(1e300), HORIZON_DAYS)).isEqualTo(NOW + 3_600);
    }

    @Test
    void aTenPercentStockOutWithinTheHorizonOrNoneLeavesTheOtherMoments() {
        DemandHistory history = history();
        history.add(true, 3, NOW - DAY);

        assertThat(NextReview.of(history, assessment(HORIZON_DAYS - 1.0), HORIZON_DAYS)).isEqualTo(MIDNIGHT);
        assertThat(NextReview.of(history, assessment(null), HORIZON_DAYS)).isEqualTo(MIDNIGHT);
    }

    @Test
    void neverSoonerThanASecondFromNow() {
        DemandHistory history = history();
        history.add(true, 3, NOW - 7 * DAY + 1);

        assertThat(NextReview.of(history, assessment(HORIZON_DAYS + 1e-9), HORIZON_DAYS)).isEqualTo(NOW + 1);
    }

    @Test
    void aProductWithoutHistoryIsNeverReviewed() {
        DemandHistory history = history();
        history.add(true, 3, NOW - 40 * DAY); // older than any day the model reads

        assertThat(NextReview.of(history, assessment(0.0), HORIZON_DAYS)).isEqualTo(NextReview.NEVER);
    }

    private static DemandHistory history() {
        return new DemandHistory(NOW);
    }

    /** An assessment whose stock-out has a 10 % chance within {@code stockOutDaysP10} days (the median is later). */
    private static Assessment assessment(Double stockOutDaysP10) {
        return new Assessment(10, 0, 0, 0, 10, 0, 0, null, 0, stockOutDaysP10,
                stockOutDaysP10 == null ? null : stockOutDaysP10 + 2, null, null);
    }
}
