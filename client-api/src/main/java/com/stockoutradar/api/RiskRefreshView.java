package com.stockoutradar.api;

/**
 * A risk refresh: as of when ({@code computedAt}, unix s), how long it took, with which parameters, and what it
 * found across how many nodes.
 */
public record RiskRefreshView(long id, long computedAt, long startedAt, long durationMillis, long threshold,
                              int horizonDays, long productsScanned, long changesScanned, long outOfStock,
                              long seedRule, long trending, int nodes) {

    public long atRisk() {
        return outOfStock + seedRule + trending;
    }

    /** Products of one class; all at-risk products for {@code null}. */
    public long atRisk(RiskClass riskClass) {
        if (riskClass == null) {
            return atRisk();
        }
        return switch (riskClass) {
            case OUT_OF_STOCK -> outOfStock;
            case SEED_RULE -> seedRule;
            case TRENDING -> trending;
        };
    }
}
