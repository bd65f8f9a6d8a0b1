package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The forecast's parts, each on series made for it. */
class DemandForecastTest {
    static final long DAY = RiskParameters.DAY;
    /** A midnight: today has just begun. */
    static final long MIDNIGHT = 20_000 * DAY;

    /** Units sold per UTC day, oldest first and ending yesterday, as of {@code now}; each at the day's noon. */
    static DemandHistory days(long now, long... oldestFirst) {
        DemandHistory history = new DemandHistory(now);
        long today = DemandDays.dayOf(now);
        for (int i = 0; i < oldestFirst.length; i++) {
            long day = today - oldestFirst.length + i;
            if (oldestFirst[i] > 0) {
                history.add(true, oldestFirst[i], day * DAY + DAY / 2);
            }
        }
        return history;
    }

    static long[] poisson(SplittableRandom random, int days, double mean) {
        long[] units = new long[days];
        for (int i = 0; i < days; i++) {
            units[i] = DemandSimulator.poisson(random, mean);
        }
        return units;
    }

    static DemandForecast.StockOut stockOut(DemandForecast forecast, long stock) {
        return forecast.stockOut(stock, 7);
    }

    @Test
    void aFallingTrendLevelsOffAboveZero() {
        DemandForecast falling = DemandForecast.of(days(MIDNIGHT, 20, 19, 17, 16, 14, 13, 11, 10, 8, 7, 5, 4, 2, 1));

        assertThat(falling.trend()).isNegative();
        assertThat(falling.dailyDemand()).isPositive();
        for (int day = 0; day < 365; day++) {
            assertThat(falling.mean(day + 1) - falling.mean(day)).as("demand on day %d", day)
                    .isGreaterThanOrEqualTo(SmoothDemand.FLOOR * falling.dailyDemand() * 0.999);
        }
        assertThat(stockOut(falling, 50).median()).as("runs out, however slowly").isNotNull();
    }

    @Test
    void aRisingTrendFadesInsteadOfExploding() {
        DemandForecast rising = DemandForecast.of(days(MIDNIGHT, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        double ceiling = rising.dailyDemand() + rising.trend() / DampedTrend.DECAY;

        assertThat(rising.trend()).isPositive();
        assertThat(rising.mean(1)).as("tomorrow, above today").isGreaterThan(rising.dailyDemand());
        assertThat(rising.mean(366) - rising.mean(365)).as("a year on, no more than the damped ceiling")
                .isLessThanOrEqualTo(ceiling).isLessThan(3 * rising.dailyDemand());
    }

    @Test
    void noiseAloneMakesNoTrend() {
        DemandForecast steady = DemandForecast.of(days(MIDNIGHT, 5, 6, 4, 5, 5, 6, 4, 5, 6, 4, 5, 5, 4, 6));

        assertThat(steady.trend()).isZero();
        assertThat(steady.dailyDemand()).isCloseTo(5, within(0.3));
    }

    @Test
    void aWeeklyPatternIsReadWhenTheHistoryShowsIt() {
        SplittableRandom random = new SplittableRandom(1);
        long today = DemandDays.dayOf(MIDNIGHT);
        long[] units = new long[28];
        for (int i = 0; i < 28; i++) {
            boolean busy = WeeklyPattern.weekday(today - 28 + i) == WeeklyPattern.weekday(today + 2);
            units[i] = DemandSimulator.poisson(random, busy ? 24 : 6);
        }
        DemandForecast weekly = DemandForecast.of(days(MIDNIGHT, units));

        assertThat(weekly.week().shown()).isTrue();
        assertThat(weekly.week().factor(today + 2)).as("the busy day: 24 of a week's mean of 60/7")
                .isCloseTo(24 / (60 / 7.0), within(0.5));
        assertThat(weekly.week().factor(today)).isLessThan(1);
        assertThat(weekly.mean(2) / weekly.mean(7)).as("two quiet days of a week").isLessThan(2 / 7.0);
        assertThat(weekly.mean(7)).as("a whole week averages out").isCloseTo(60, within(10.0));
    }

    @Test
    void noWeeklyPatternIsReadFromNoiseSave_rarely() {
        SplittableRandom random = new SplittableRandom(2);
        int shown = 0;
        for (int product = 0; product < 200; product++) {
            shown += DemandForecast.of(days(MIDNIGHT, poisson(random, 28, 5))).week().shown() ? 1 : 0;
        }

        assertThat(shown).as("of 200 steady products, about 1 % by chance").isLessThanOrEqualTo(6);
    }

    @Test
    void theWeeklyClockCountsWeekdayWeightedDays() {
        long[] units = new long[28];
        for (int i = 0; i < 28; i++) {
            units[i] = i % 7 == 0 ? 30 : 5;
        }
        long now = MIDNIGHT + DAY / 3;
        DemandForecast weekly = DemandForecast.of(days(now, units));
        WeeklyPattern week = weekly.week();

        assertThat(week.shown()).isTrue();
        for (double t : new double[] {0.1, 0.9, 1.5, 3, 7, 10.25, 40}) {
            double weighted = week.clock(t, 1 / 3.0, DemandDays.dayOf(now));
            assertThat(week.days(weighted, 1 / 3.0, DemandDays.dayOf(now))).isCloseTo(t, within(1e-9));
        }
        assertThat(week.clock(7, 1 / 3.0, DemandDays.dayOf(now))).isCloseTo(7, within(1e-9));
        assertThat(week.clock(21, 1 / 3.0, DemandDays.dayOf(now))).isCloseTo(21, within(1e-9));
    }

    @Test
    void lumpyDemandIsAChanceOfASaleDayTimesItsSize() {
        long[] units = new long[28];
        for (int i = 3; i < 28; i += 5) {
            units[i] = 6; // a sale day in five, of 6 units
        }
        DemandHistory history = days(MIDNIGHT, units);
        DemandForecast lumpy = DemandForecast.of(history);

        assertThat(IntermittentDemand.fits(history)).isTrue();
        assertThat(lumpy.dailyDemand()).isCloseTo(6 / 5.0, within(0.3));
        assertThat(lumpy.dispersion()).as("lumpy: far more varied than Poisson").isGreaterThan(0.5);
        // the moment-matched negative binomial spreads a lumpy week: one sale day (79 % likely) empties 6
        assertThat(stockOut(lumpy, 6).probability()).isBetween(0.3, 0.8);
        assertThat(stockOut(lumpy, 12).probability()).isLessThan(stockOut(lumpy, 6).probability());
        assertThat(stockOut(lumpy, 30).probability()).isLessThan(0.1);
    }

    @Test
    void lumpyDemandThatStoppedFades() {
        long[] recent = new long[28];
        long[] stopped = new long[28];
        for (int i = 0; i < 5; i++) {
            recent[27 - 3 * i] = 4;
            stopped[2 + 3 * i] = 4;
        }

        assertThat(DemandForecast.of(days(MIDNIGHT, stopped)).dailyDemand())
                .isLessThan(DemandForecast.of(days(MIDNIGHT, recent)).dailyDemand() / 2);
    }

    @Test
    void aProductNothingIsKnownOfGetsASmallChanceOfSelling() {
        DemandForecast unknown = DemandForecast.of(new DemandHistory(MIDNIGHT + DAY / 2));

        assertThat(stockOut(unknown, 1).probability()).isBetween(0.01, 0.2)
                .isLessThan(RiskParameters.DEFAULT_STOCK_OUT_LEVEL);
        assertThat(stockOut(unknown, 10).probability()).isLessThan(stockOut(unknown, 1).probability());
    }

    @Test
    void aNewProductsFirstSalesOutweighThePrior() {
        DemandHistory firstDay = new DemandHistory(MIDNIGHT + DAY / 2);
        firstDay.add(false, 50, MIDNIGHT + 600); // delivered just after midnight
        firstDay.add(true, 5, MIDNIGHT + 3_600);
        DemandForecast forecast = DemandForecast.of(firstDay);

        assertThat(forecast.dailyDemand()).as("5 in half a day").isBetween(8.0, 10.0);
        assertThat(stockOut(forecast, 40).probability()).as("a week at 10 a day").isGreaterThan(0.5);
        assertThat(stockOut(forecast, 200).probability()).isLessThan(0.05);
    }

    @Test
    void aQuietFirstHalfDayIsNotAQuietProduct() {
        DemandHistory delivered = new DemandHistory(MIDNIGHT + DAY / 2);
        delivered.add(false, 50, MIDNIGHT + 600);

        assertThat(stockOut(DemandForecast.of(delivered), 1).probability())
                .isLessThan(RiskParameters.DEFAULT_STOCK_OUT_LEVEL);
    }

    @Test
    void stockOutDaysAreOrderedAndAgreeWithTheExactTail() {
        SplittableRandom random = new SplittableRandom(3);
        for (int product = 0; product < 100; product++) {
            DemandSimulator.Product p = new DemandSimulator(random.nextLong()).product(
                    DemandSimulator.Kind.values()[product % DemandSimulator.Kind.values().length]);
            DemandForecast forecast = DemandForecast.of(p.history());
            DemandForecast.StockOut out = stockOut(forecast, p.stock());
            double[] levels = {0.1, 0.5, 0.9};
            Double[] days = {out.p10(), out.median(), out.p90()};
            for (int i = 0; i < 3; i++) {
                if (days[i] != null) {
                    assertThat(forecast.probabilityOfStockOut(p.stock(), days[i])).as("%s at %s", p, levels[i])
                            .isCloseTo(levels[i], within(0.02)); // the cheap tail's error, for lumpy demand too
                }
            }
            if (out.median() != null) {
                assertThat(out.p10()).isNotNull().isLessThanOrEqualTo(out.median());
                assertThat(out.median() > 7).isEqualTo(out.probability() < 0.5);
            }
            if (out.p90() != null) {
                assertThat(out.median()).isLessThanOrEqualTo(out.p90());
            }
        }
    }

    @Test
    void nothingInStockIsAStockOutNow() {
        DemandForecast forecast = DemandForecast.of(days(MIDNIGHT, 3, 3, 3));

        assertThat(stockOut(forecast, 0)).isEqualTo(new DemandForecast.StockOut(1, 0.0, 0.0, 0.0, 0.0));
        assertThat(stockOut(forecast, -2).probability()).isEqualTo(1);
    }

    @Test
    void daysOfCoverMatchTheMedianForSteadyDemand() {
        DemandForecast.StockOut out = stockOut(DemandForecast.of(days(MIDNIGHT, poisson(new SplittableRandom(4), 28,
                10))), 100);

        assertThat(out.daysOfCover()).isCloseTo(out.median(), within(0.05 * out.median()));
    }
}
