package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The days a product keeps give the same demand history as its changes. */
class DemandDaysTest {
    static final long DAY = RiskParameters.DAY;
    static final long NOW = 1_800_000_000L;

    record Change(boolean sale, long quantity, long timestamp) {
    }

    @RepeatedTest(20)
    void daysGiveTheSameHistoryAsTheChanges(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        long now = NOW + random.nextInt((int) DAY);
        List<Change> changes = new ArrayList<>();
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            // some changes on the window's first day, a few seconds apart, so that its start splits them
            long timestamp = random.nextInt(4) == 0
                    ? now - RiskParameters.WINDOW_SECONDS + random.nextInt(41) - 20
                    : now - random.nextInt((int) (DemandDays.KEPT * DAY)) + 60;
            changes.add(new Change(random.nextInt(5) > 0, 1 + random.nextInt(9), timestamp));
        }
        DemandHistory fromChanges = new DemandHistory(now);
        long[] days = null;
        for (Change c : changes) {
            fromChanges.add(c.sale(), c.quantity(), c.timestamp());
            days = DemandDays.add(days, c.sale(), c.quantity(), c.timestamp(), now);
        }

        DemandHistory fromDays = new DemandHistory(now);
        long split = DemandDays.feed(days, fromDays);
        if (split >= 0) {
            changes.stream()
                    .filter(c -> DemandDays.dayOf(c.timestamp()) == split && c.timestamp() > fromDays.windowStart())
                    .forEach(c -> fromDays.addToWindow(c.sale() ? c.quantity() : 0, c.sale() ? 0 : c.quantity()));
        }

        assertThat(fromDays.sales7d()).isEqualTo(fromChanges.sales7d());
        assertThat(fromDays.restocks7d()).isEqualTo(fromChanges.restocks7d());
        assertThat(fromDays.changes()).isEqualTo(fromChanges.changes());
        assertThat(fromDays.daysObserved()).isEqualTo(fromChanges.daysObserved());
        for (int daysAgo = 0; daysAgo <= RiskParameters.HISTORY_DAYS; daysAgo++) {
            assertThat(fromDays.unitsSold(daysAgo)).isEqualTo(fromChanges.unitsSold(daysAgo));
        }
    }

    @Test
    void onlyADayWhoseChangesTheWindowStartSplitsNeedsTheChanges() {
        long windowStart = NOW - RiskParameters.WINDOW_SECONDS;
        long[] before = DemandDays.add(DemandDays.add(null, true, 1, windowStart - 5, NOW), true, 1, windowStart, NOW);
        long[] after = DemandDays.add(null, true, 3, windowStart + 1, NOW);
        long[] split = DemandDays.add(before, false, 2, windowStart + 1, NOW);

        DemandHistory history = new DemandHistory(NOW);
        assertThat(DemandDays.feed(before, history)).isEqualTo(-1);
        assertThat(history.sales7d()).isZero();
        assertThat(DemandDays.feed(after, history)).isEqualTo(-1);
        assertThat(history.sales7d()).isEqualTo(3);
        assertThat(DemandDays.feed(split, new DemandHistory(NOW))).isEqualTo(DemandDays.dayOf(windowStart));
    }

    @Test
    void keptDaysCoverAComputationUpToADayBehindTheClock() {
        assertThat(DemandDays.cover(NOW, NOW)).isTrue();
        assertThat(DemandDays.cover(NOW - DAY, NOW)).isTrue();
        assertThat(DemandDays.cover(NOW + DAY, NOW)).as("ahead of the clock").isTrue();
        assertThat(DemandDays.cover(NOW - 2 * DAY, NOW)).as("a backtest").isFalse();
    }

    @Test
    void keepsTheForecastsDaysTodayAndADayOfSlack() {
        assertThat(DemandDays.KEPT).isEqualTo(RiskParameters.HISTORY_DAYS + 2);
        assertThat(DemandDays.keptSince(NOW)).isEqualTo(DemandHistory.trendStart(NOW) - DAY);
    }

    @Test
    void keepsOnlyRecentDaysInDayOrder() {
        long[] days = null;
        for (int daysAgo = DemandDays.KEPT + 5; daysAgo >= 0; daysAgo--) {
            days = DemandDays.add(days, true, 1, NOW - daysAgo * DAY, NOW);
        }
        days = DemandDays.add(days, true, 1, NOW - (DemandDays.KEPT + 10) * DAY, NOW);

        assertThat(days).hasSize(DemandDays.KEPT * DemandDays.WIDTH);
        for (int i = 0; i < DemandDays.KEPT; i++) {
            assertThat(days[i * DemandDays.WIDTH]).isEqualTo(DemandDays.dayOf(NOW) - DemandDays.KEPT + 1 + i);
        }
    }

    @Test
    void totalsFromPostgresGiveTheSameDaysAsTheChanges() {
        long day = DemandDays.dayOf(NOW);
        long[] added = DemandDays.add(DemandDays.add(DemandDays.add(null, true, 4, NOW, NOW), false, 7, NOW - 90, NOW),
                true, 2, NOW - DAY, NOW);

        long[] fromTotals = DemandDays.of(new long[] {
                day - 1, 2, 0, NOW - DAY, NOW - DAY, 1,
                day, 4, 7, NOW - 90, NOW, 2});

        assertThat(fromTotals).containsExactly(added);
    }
}
