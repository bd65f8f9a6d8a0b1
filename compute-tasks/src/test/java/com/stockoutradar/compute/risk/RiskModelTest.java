package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.stockoutradar.api.RiskClass;

/** The rule and the forecast on hand-made series. */
class RiskModelTest {
    static final long DAY = RiskParameters.DAY;
    /** Midnight, where rolling days and UTC days coincide. */
    static final long NOW = 1_800_000_000L / DAY * DAY;
    final RiskParameters parameters = parameters();

    static RiskParameters parameters() {
        return RiskParameters.asOf(NOW, 0, 7);
    }

    /** {@code perDay[i]} units sold i days ago, at noon of that rolling day. */
    static DemandHistory sales(long... perDay) {
        DemandHistory history = new DemandHistory(NOW);
        for (int daysAgo = 0; daysAgo < perDay.length; daysAgo++) {
            if (perDay[daysAgo] > 0) {
                history.add(true, perDay[daysAgo], NOW - daysAgo * DAY - DAY / 2);
            }
        }
        return history;
    }

    @Test
    void steadyDemandHasNoTrendAndRunsOutAtStockOverDemand() {
        Assessment steady = RiskModel.assess(50, sales(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), parameters);

        assertThat(steady.sales7d()).isEqualTo(35);
        assertThat(steady.dailyDemand()).as("5 a day, less the new product's prior's tenth of a day")
                .isCloseTo(5, within(0.1));
        assertThat(steady.trend()).isZero();
        assertThat(steady.daysOfCover()).isCloseTo(10, within(0.2));
        assertThat(steady.stockOutDays()).isCloseTo(10, within(0.3));
        assertThat(steady.stockOutDaysP10()).isBetween(7.0, steady.stockOutDays());
        assertThat(steady.stockOutDaysP90()).isBetween(steady.stockOutDays(), 14.0);
        assertThat(steady.stockOutProbability()).as("within 7 days").isLessThan(0.1);
        assertThat(steady.riskClass()).as("10 days of cover").isNull();
    }

    @Test
    void steadyDemandBeyondStockFiresTheSeedRule() {
        Assessment short7 = RiskModel.assess(30, sales(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), parameters);

        assertThat(short7.velocity()).isEqualTo(35);
        assertThat(short7.projected()).isEqualTo(-5);
        assertThat(short7.riskClass()).isEqualTo(RiskClass.SEED_RULE);
    }

    @Test
    void risingDemandIsCaughtAsTrendingBeforeTheSeedRuleFires() {
        // 1 unit a day two weeks ago, 14 today: 77 sold in the last 7 days, 84 in stock
        DemandHistory rising = sales(14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);

        Assessment assessment = RiskModel.assess(84, rising, parameters);

        assertThat(assessment.projected()).as("the 7-day rule sees 7 units to spare").isEqualTo(7);
        assertThat(assessment.trend()).as("the slope of 1, a little shrunk for doubt").isBetween(0.8, 1.0);
        assertThat(assessment.dailyDemand()).as("the last days' 13 and 14 a day").isBetween(13.0, 15.0);
        assertThat(assessment.stockOutDays()).isBetween(4.5, 6.0);
        assertThat(assessment.stockOutProbability()).isGreaterThan(0.9);
        assertThat(assessment.riskClass()).isEqualTo(RiskClass.TRENDING);
    }

    @Test
    void fadingDemandSlowsTheStockOutButNeverStopsIt() {
        DemandHistory fading = sales(0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        Assessment assessment = RiskModel.assess(40, fading, parameters);

        assertThat(assessment.trend()).isNegative();
        assertThat(assessment.dailyDemand()).as("fading, not gone").isPositive();
        assertThat(assessment.stockOutDays()).as("weeks away, not never").isBetween(14.0, 120.0);
        assertThat(assessment.riskClass()).isNull();
    }

    @Test
    void aFallingDemandTheRuleFlagsStillRunsOutInTheForecast() {
        // 14 a day two weeks ago, 1 yesterday: 28 sold in the window, 20 in stock
        DemandHistory falling = sales(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

        Assessment assessment = RiskModel.assess(20, falling, parameters);

        assertThat(assessment.riskClass()).isEqualTo(RiskClass.SEED_RULE);
        assertThat(assessment.trend()).isNegative();
        assertThat(assessment.stockOutDays()).as("a linear trend would reach zero demand first").isNotNull();
        assertThat(assessment.stockOutDaysP90()).isNotNull();
    }

    @Test
    void restockInTheWindowOffsetsSales() {
        DemandHistory restocked = sales(4, 4, 4, 4, 4, 4, 4);
        restocked.add(false, 30, NOW - 2 * DAY);

        Assessment assessment = RiskModel.assess(20, restocked, parameters);

        assertThat(assessment.sales7d()).isEqualTo(28);
        assertThat(assessment.restocks7d()).isEqualTo(30);
        assertThat(assessment.velocity()).isEqualTo(-2);
        assertThat(assessment.projected()).isEqualTo(22);
        assertThat(assessment.riskClass()).as("5 days of cover at 4 a day").isEqualTo(RiskClass.TRENDING);
        assertThat(assessment.stockOutDays()).isCloseTo(5, within(0.3));
    }

    @Test
    void noSalesInTheWindowNeverFiresTheRuleButTheForecastReadsOlderSales() {
        DemandHistory oldSalesOnly = sales(0, 0, 0, 0, 0, 0, 0, 9, 9, 9);

        assertThat(RiskModel.assess(5, oldSalesOnly, RiskParameters.asOf(NOW, 10, 7)).riskClass())
                .as("projected 5 is within a threshold of 10, but the rule reads the window's sales only")
                .isNotEqualTo(RiskClass.SEED_RULE);
        assertThat(RiskModel.assess(1, oldSalesOnly, parameters).riskClass())
                .as("the last unit of a product that sold 9 a day a week ago").isEqualTo(RiskClass.TRENDING);
        assertThat(RiskModel.assess(100, oldSalesOnly, parameters).riskClass()).isNull();
    }

    @Test
    void aProductNothingIsKnownOfIsAtRiskOnlyWhenOutOfStock() {
        Assessment unknown = RiskModel.assess(1, new DemandHistory(NOW), parameters);

        assertThat(unknown.riskClass()).isNull();
        assertThat(unknown.stockOutProbability()).as("not ignored either").isBetween(0.01, 0.2);
        assertThat(RiskModel.assess(0, new DemandHistory(NOW), parameters).riskClass())
                .isEqualTo(RiskClass.OUT_OF_STOCK);
    }

    @Test
    void aNewProductIsReadFromItsFirstDays() {
        DemandHistory twoDays = sales(0, 6); // 6 sold the day before yesterday, its first day

        Assessment assessment = RiskModel.assess(10, twoDays, parameters);

        assertThat(assessment.dailyDemand()).as("6 in two days, not 6 in four weeks").isBetween(2.5, 3.0);
        assertThat(assessment.riskClass()).isEqualTo(RiskClass.TRENDING);
    }

    @Test
    void theLevelDecidesTrending() {
        DemandHistory steady = sales(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        Assessment assessment = RiskModel.assess(30, steady, parameters);
        double probability = assessment.stockOutProbability();

        assertThat(probability).isBetween(0.1, 0.9);
        assertThat(RiskModel.assess(30, steady, RiskParameters.asOf(NOW, 0, 7, probability)).riskClass())
                .isEqualTo(RiskClass.TRENDING);
        assertThat(RiskModel.assess(30, steady, RiskParameters.asOf(NOW, 0, 7, probability + 1e-6)).riskClass())
                .isNull();
    }

    @Test
    void negativeStockIsOutOfStockAndRunsOutNow() {
        Assessment negative = RiskModel.assess(-3, sales(1, 1, 1), parameters);

        assertThat(negative.riskClass()).isEqualTo(RiskClass.OUT_OF_STOCK);
        assertThat(negative.stockOutProbability()).isEqualTo(1);
        assertThat(negative.stockOutDays()).isZero();
        assertThat(negative.stockOutDaysP10()).isZero();
        assertThat(negative.stockOutDaysP90()).isZero();
        assertThat(negative.daysOfCover()).isZero();
    }

    @Test
    void aChangeExactlyAtTheWindowBoundaryIsExcludedAsInTheBrief() {
        DemandHistory history = new DemandHistory(NOW);
        history.add(true, 5, NOW - RiskParameters.WINDOW_SECONDS);
        history.add(true, 2, NOW - RiskParameters.WINDOW_SECONDS + 1);
        history.add(false, 7, NOW - RiskParameters.WINDOW_SECONDS);

        assertThat(history.sales7d()).isEqualTo(2);
        assertThat(history.restocks7d()).isZero();
    }

    @Test
    void thresholdRaisesTheBar() {
        DemandHistory steady = sales(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        RiskParameters cautious = RiskParameters.asOf(NOW, 10, 7);

        assertThat(RiskModel.assess(20, steady, cautious).riskClass()).isEqualTo(RiskClass.SEED_RULE);
        assertThat(RiskModel.assess(25, steady, cautious).riskClass()).isNull();
    }

    @Test
    void aRefreshReviewsAProductAtRiskWhenItsNextReviewSays() {
        DemandHistory history = sales(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);

        RiskModel.Reviewed reviewed = RiskModel.review(30, history, parameters);
        Assessment full = RiskModel.assess(30, history, parameters);

        Assessment outline = reviewed.assessment();
        assertThat(full.stockOutProbability()).isGreaterThan(0.1);
        assertThat(outline).as("the outline: no 10 % day within the horizon, no 90 % day")
                .isEqualTo(new Assessment(full.stock(), full.sales7d(), full.restocks7d(), full.velocity(),
                        full.projected(), full.dailyDemand(), full.trend(), full.daysOfCover(),
                        full.stockOutProbability(), null, full.stockOutDays(), null, full.riskClass()));
        assertThat(new AtRiskRow("p", full, NOW, 1).standsFor(outline, 1, NOW)).isTrue();
        assertThat(reviewed.reviewAt()).isEqualTo(NextReview.of(history, full, 7));
    }

    @Test
    void anUnlikelyStockOutTheRuleFlagsKeepsItsTenPercentDayInTheOutline() {
        DemandHistory faded = sales(0, 0, 0, 0, 0, 0, 20);

        Assessment full = RiskModel.assess(19, faded, parameters);
        RiskModel.Reviewed reviewed = RiskModel.review(19, faded, parameters);

        assertThat(full.riskClass()).isEqualTo(RiskClass.SEED_RULE);
        assertThat(full.stockOutProbability()).isLessThan(0.1);
        assertThat(reviewed.assessment().stockOutDaysP10()).isEqualTo(full.stockOutDaysP10()).isGreaterThan(7.0);
        assertThat(reviewed.reviewAt()).isEqualTo(NextReview.of(faded, full, 7));
    }

    @Test
    void aProductFarFromTheLevelStandsUntilItsDaysNextMove() {
        DemandHistory history = sales(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);

        RiskModel.Reviewed reviewed = RiskModel.review(500, history, parameters);

        assertThat(reviewed.assessment()).isNull();
        assertThat(reviewed.reviewAt()).as("the oldest sale in the window leaves it at noon")
                .isEqualTo(NOW + DAY / 2).isEqualTo(NextReview.ofTheDays(history));
    }

    @Test
    void aProductJustBelowTheLevelIsAssessedAgainByTheNextRefresh() {
        DemandHistory history = sales(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        long stock = 36;
        while (RiskModel.assess(stock, history, parameters).atRisk()) {
            stock++;
        }

        RiskModel.Reviewed reviewed = RiskModel.review(stock, history, parameters);

        assertThat(reviewed.assessment()).as("stock %d, the least the forecast leaves alone", stock).isNull();
        assertThat(reviewed.reviewAt()).as("half a day on, the forecast may reach the level").isZero();
    }

    @Test
    void aProductWithoutChangesInTheModelsDaysNeverChangesByTimeAlone() {
        RiskModel.Reviewed reviewed = RiskModel.review(10, new DemandHistory(NOW), parameters);

        assertThat(reviewed.assessment()).isNull();
        assertThat(reviewed.reviewAt()).isEqualTo(NextReview.NEVER);
    }
}
