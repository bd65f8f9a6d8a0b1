package com.stockoutradar.api;

import java.util.List;

/** One page of the current refresh's at-risk products; {@code total} counts all that match the filter. */
public record AtRiskPage(RiskRefreshView refresh, long total, int limit, int offset, List<AtRiskProduct> products) {
}
