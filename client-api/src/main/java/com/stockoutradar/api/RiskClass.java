package com.stockoutradar.api;

/** Why a product is at risk of running out, most urgent first. */
public enum RiskClass {
    /** Stock is zero or below now. */
    OUT_OF_STOCK,
    /** The brief's rule: stock minus the last 7 days' velocity (sales minus restocks) is at or below the threshold. */
    SEED_RULE,
    /** The rule does not fire yet, but demand and its trend use up the stock within the horizon. */
    TRENDING
}
