package com.stockoutradar.compute.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

/** The tail of a count given by its mean and variance, against values worked out by hand. */
class NegativeBinomialTailTest {

    @Test
    void negativeBinomialOfSizeTwoAndHalfAChance() {
        // size 2, p = 1/2: mean 2, variance 4; P(0) = 1/4, P(1) = 1/4, P(2) = 3/16
        assertThat(NegativeBinomialTail.atLeast(1, 2, 4)).isCloseTo(0.75, within(1e-12));
        assertThat(NegativeBinomialTail.atLeast(2, 2, 4)).isCloseTo(0.5, within(1e-12));
        assertThat(NegativeBinomialTail.atLeast(3, 2, 4)).isCloseTo(0.3125, within(1e-12));
    }

    @Test
    void aSizeNeedNotBeWhole() {
        // size 1/2, mean 2: p = 0.2, P(0) = 0.2^0.5
        assertThat(NegativeBinomialTail.atLeast(1, 2, 10)).isCloseTo(1 - Math.sqrt(0.2), within(1e-12));
    }

    @Test
    void poissonWhenNotOverDispersed() {
        double e3 = Math.exp(-3);
        assertThat(NegativeBinomialTail.atLeast(1, 3, 3)).isCloseTo(1 - e3, within(1e-12));
        assertThat(NegativeBinomialTail.atLeast(5, 3, 3)).isCloseTo(1 - e3 * (1 + 3 + 4.5 + 4.5 + 3.375),
                within(1e-12));
        assertThat(NegativeBinomialTail.atLeast(5, 3, 2)).as("under-dispersed counts are taken as Poisson")
                .isEqualTo(NegativeBinomialTail.atLeast(5, 3, 3));
    }

    @Test
    void nothingInStockIsOutAlreadyAndNoDemandNeverSellsOut() {
        assertThat(NegativeBinomialTail.atLeast(0, 2, 4)).isEqualTo(1);
        assertThat(NegativeBinomialTail.atLeast(-3, 0, 0)).isEqualTo(1);
        assertThat(NegativeBinomialTail.atLeast(1, 0, 0)).isZero();
    }

    @Test
    void theCheapScoreStaysWithinASmallDistanceOfTheExactTail() {
        for (double size : new double[] {0.3, 1, 3, 10, Double.POSITIVE_INFINITY}) {
            for (long units : new long[] {1, 2, 5, 10, 30, 100, 1000}) {
                for (double share = 0.2; share <= 3; share += 0.2) {
                    double mean = units * share;
                    double variance = mean + mean * mean / size;
                    double approximate = Erfc.value(-NegativeBinomialTail.score(units, mean, variance) / Math.sqrt(2))
                            / 2;
                    assertThat(approximate).as("size %s, %d units, mean %s", size, units, mean)
                            .isCloseTo(NegativeBinomialTail.atLeast(units, mean, variance), within(0.01));
                }
            }
        }
    }
}
