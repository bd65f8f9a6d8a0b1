package com.stockoutradar.api;

/**
 * How right a list of products at risk was, against the products that then ran out.
 *
 * @param flagged          products the list held
 * @param flaggedAndRanOut of those, the products that ran out
 * @param ranOut           all products that ran out, flagged or not
 * @param precision        flaggedAndRanOut / flagged; null when nothing was flagged
 * @param recall           flaggedAndRanOut / ranOut; null when nothing ran out
 * @param f1               their harmonic mean, 2 flaggedAndRanOut / (flagged + ranOut); null when both are 0
 */
public record BacktestScores(long flagged, long flaggedAndRanOut, long ranOut, Double precision, Double recall,
                             Double f1) {

    public static BacktestScores of(long flagged, long flaggedAndRanOut, long ranOut) {
        return new BacktestScores(flagged, flaggedAndRanOut, ranOut, ratio(flaggedAndRanOut, flagged),
                ratio(flaggedAndRanOut, ranOut), ratio(2 * flaggedAndRanOut, flagged + ranOut));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
