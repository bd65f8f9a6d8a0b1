package com.stockoutradar.api;

/**
 * A risk refresh: as of when ({@code computedAt}, unix s), how long it took, with which parameters, and what it
 * found across how many nodes.
 */
public record RiskRefreshView(long id, long computedAt, long startedAt, long durationMillis, long threshold,
                              int horizonDays, long productsScanned, long changesScanned, long outOfStock,
                              long seedRule, long trending, int nodes) {
}
