package com.stockoutradar.api;

/** How many products are at risk now, per class. */
public record AtRiskCounts(long outOfStock, long seedRule, long trending) {

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
