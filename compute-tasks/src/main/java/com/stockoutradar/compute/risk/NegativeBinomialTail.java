package com.stockoutradar.compute.risk;

import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * P(X ≥ s) for a count X given by its mean and variance: negative binomial when over-dispersed, Poisson otherwise
 * (a count cannot be less dispersed here). The tails are regularized beta and gamma functions from Commons Numbers;
 * {@link #score} is a cheap approximation for searches.
 */
final class NegativeBinomialTail {
    /** Sizes beyond this give the Poisson's tail to double precision, and the beta function would only lose digits. */
    private static final double POISSON_SIZE = 1e9;

    private NegativeBinomialTail() {
    }

    static double atLeast(long units, double mean, double variance) {
        if (units <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        double excess = variance - mean;
        if (excess * POISSON_SIZE <= mean * mean) {
            return RegularizedGamma.P.value(units, mean); // P(Poisson(mean) ≥ s) = P(Gamma(s) ≤ mean)
        }
        double size = mean * mean / excess;
        // P(NB ≤ s - 1) = I_p(size, s) with p = size / (size + mean), so P(NB ≥ s) = I_{1-p}(s, size)
        return RegularizedBeta.value(mean / (size + mean), units, size);
    }

    /**
     * The normal score of P(X ≥ s), approximately: the negative binomial's tail is that of an F distribution,
     * F(2s, 2·size) at mean / s, and Paulson's cube-root approximation of it (Wilson-Hilferty's for the Poisson) is
     * within 0.01 of the exact probability for sizes from 0.3 up and s ≥ 1, for a cube root and a square root.
     */
    static double score(long units, double mean, double variance) {
        if (mean <= 0) {
            return -(1 - 1.0 / (9 * units)) * 3 * Math.sqrt(units); // the limit when nothing sells
        }
        double perSize = Math.max(0, variance - mean) / (9 * mean * mean); // 1 / (9 · size)
        double perUnit = 1.0 / (9 * units);
        double root = Math.cbrt(mean / units);
        return ((1 - perSize) * root - (1 - perUnit)) / Math.sqrt(perUnit + root * root * perSize);
    }
}
