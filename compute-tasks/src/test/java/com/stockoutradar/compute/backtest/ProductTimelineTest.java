package com.stockoutradar.compute.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.stockoutradar.compute.risk.DemandHistory;
import com.stockoutradar.compute.risk.RiskParameters;

/** A product's stock at a past moment, whether it ran out in the week after, and its demand as known then. */
class ProductTimelineTest {
    static final long DAY = RiskParameters.DAY;
    static final long WEEK = BacktestParameters.OUTCOME_SECONDS;
    /** A UTC midnight, as the backtest's moments are. */
    static final long T = 1_800_000_000L / DAY * DAY;

    final ProductTimeline timeline = new ProductTimeline();

    @Test
    void theStockAtAMomentIsTheStockNowWithTheLaterChangesTakenBack() {
        timeline.add(T - DAY, true, 4);
        timeline.add(T + DAY, true, 3);
        timeline.add(T + 2 * DAY, false, 10);
        timeline.add(T + 9 * DAY, true, 1);

        assertThat(timeline.stockAt(20, T)).as("20 now: +1 +3 -10 taken back").isEqualTo(14);
        assertThat(timeline.stockAt(20, T + 9 * DAY)).as("nothing after the last change").isEqualTo(20);
        assertThat(timeline.stockAt(20, T - 2 * DAY)).isEqualTo(18);
    }

    @Test
    void aChangeAtTheMomentItselfIsPartOfItsStock() {
        timeline.add(T, true, 5);

        assertThat(timeline.stockAt(0, T)).isZero();
        assertThat(timeline.stockAt(0, T - 1)).isEqualTo(5);
    }

    @Test
    void changesSentOutOfOrderAreReadInTimeOrder() {
        timeline.add(T + 3 * DAY, false, 10);
        timeline.add(T + DAY, true, 5);
        timeline.add(T + 2 * DAY, true, 5);

        assertThat(timeline.stockAt(10, T)).isEqualTo(10);
        assertThat(timeline.ranOut(10, T, WEEK)).as("sold out on day 2, restocked on day 3").isTrue();
    }

    @Test
    void aProductOutOfStockAtTheMomentRanOut() {
        assertThat(timeline.ranOut(0, T, WEEK)).isTrue();
        assertThat(timeline.ranOut(-3, T, WEEK)).isTrue();
        assertThat(timeline.ranOut(1, T, WEEK)).as("no change: one unit for the whole week").isFalse();
    }

    @Test
    void stockDownToZeroWithinTheWeekRanOutEvenWhenRestockedLater() {
        timeline.add(T + DAY, true, 2);
        timeline.add(T + DAY + 60, true, 1);
        timeline.add(T + 2 * DAY, false, 50);

        long stock = timeline.stockAt(50, T);
        assertThat(stock).isEqualTo(3);
        assertThat(timeline.ranOut(stock, T, WEEK)).isTrue();
    }

    @Test
    void theLastSecondOfTheWeekCountsAndTheNextDoesNot() {
        timeline.add(T + WEEK, true, 3);
        assertThat(timeline.ranOut(3, T, WEEK)).isTrue();

        ProductTimeline later = new ProductTimeline();
        later.add(T + WEEK + 1, true, 3);
        assertThat(later.ranOut(3, T, WEEK)).isFalse();
    }

    @Test
    void changesOfOneSecondCountTogetherWhateverTheirOrder() {
        timeline.add(T + DAY, true, 3);
        timeline.add(T + DAY, false, 5);

        assertThat(timeline.ranOut(3, T, WEEK)).as("sold out and restocked in the same second").isFalse();
    }

    @Test
    void theHistoryAsOfAMomentHoldsOnlyTheChangesOfTheModelsDaysUpToIt() {
        timeline.add(T - 2 * DAY, true, 4);
        timeline.add(T - 3 * DAY, false, 6);
        timeline.add(T, true, 1);
        timeline.add(T + 1, true, 100);
        timeline.add(DemandHistory.trendStart(T) - 1, true, 1000);

        DemandHistory history = timeline.historyAsOf(T);

        assertThat(history.now()).isEqualTo(T);
        assertThat(history.sales7d()).isEqualTo(5);
        assertThat(history.restocks7d()).isEqualTo(6);
        assertThat(history.changes()).isEqualTo(3);
        assertThat(history.unitsSold(0)).isEqualTo(1);
        assertThat(history.unitsSold(2)).isEqualTo(4);
    }
}
