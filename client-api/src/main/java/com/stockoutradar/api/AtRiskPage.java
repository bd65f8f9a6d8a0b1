package com.stockoutradar.api;

import java.util.List;

/**
 * One page of the products at risk now; {@code total} counts all that match the filter, {@code counts} all per
 * class. {@code refresh} is the last refresh (null before the first), which catches up with what only time changes.
 */
public record AtRiskPage(RiskRefreshView refresh, AtRiskCounts counts, long total, int limit, int offset,
                         List<AtRiskProduct> products) {
}
