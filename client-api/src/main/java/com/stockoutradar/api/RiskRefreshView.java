package com.stockoutradar.api;

/**
 * A risk refresh: as of when ({@code computedAt}, unix s), how long it took, with which parameters, and what it
 * found across how many nodes. Of the products scanned, it assessed those that changed since its last review of
 * them or whose numbers time alone may have changed ({@code productsAssessed}); the others' rows stood.
 */
public record RiskRefreshView(long id, long computedAt, long startedAt, long durationMillis, long threshold,
                              int horizonDays, long productsScanned, long productsAssessed, long changesScanned,
                              long outOfStock,
                              long seedRule, long trending, int nodes) {
}
