package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.stockoutradar.api.RiskClass;

/** The forecast on hand-made series. */
class RiskModelTest {
    static final long DAY = RiskParameters.DAY;
    /** Midnight, where rolling days and UTC days coincide. */
    static final long NOW = 1_800_000_000L / DAY * DAY;
    final RiskParameters parameters = RiskParameters.asOf(NOW, 0, 7);

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
        assertThat(steady.dailyDemand()).isCloseTo(5, within(1e-9));
        assertThat(steady.trend()).isCloseTo(0, within(1e-9));
        assertThat(steady.daysOfCover()).isCloseTo(10, within(1e-9));
        assertThat(steady.stockOutDays()).isCloseTo(10, within(1e-9));
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
        assertThat(assessment.trend()).isCloseTo(1, within(1e-9));
        assertThat(assessment.dailyDemand()).isCloseTo(11 + 3.5, within(1e-9));
        assertThat(assessment.stockOutDays()).isCloseTo(4.95, within(0.01));
        assertThat(assessment.riskClass()).isEqualTo(RiskClass.TRENDING);
    }

    @Test
    void fadingDemandMayNeverUseUpTheStock() {
        DemandHistory fading = sales(0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        Assessment assessment = RiskModel.assess(40, fading, parameters);

        assertThat(assessment.trend()).isNegative();
        assertThat(assessment.stockOutDays()).isNull();
        assertThat(assessment.riskClass()).isNull();
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
    }

    @Test
    void noSalesInTheWindowIsNotAtRiskUnlessOutOfStock() {
        DemandHistory oldSalesOnly = sales(0, 0, 0, 0, 0, 0, 0, 9, 9, 9);

        assertThat(RiskModel.assess(1, oldSalesOnly, parameters).riskClass()).isNull();
        assertThat(RiskModel.assess(1, new DemandHistory(NOW), parameters).riskClass()).isNull();
        assertThat(RiskModel.assess(0, new DemandHistory(NOW), parameters).riskClass())
                .isEqualTo(RiskClass.OUT_OF_STOCK);
    }

    @Test
    void negativeStockIsOutOfStockAndRunsOutNow() {
        Assessment negative = RiskModel.assess(-3, sales(1, 1, 1), parameters);

        assertThat(negative.riskClass()).isEqualTo(RiskClass.OUT_OF_STOCK);
        assertThat(negative.stockOutDays()).isZero();
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
}
