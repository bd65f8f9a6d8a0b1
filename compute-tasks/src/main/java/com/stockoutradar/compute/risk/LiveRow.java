package com.stockoutradar.compute.risk;

import java.util.Locale;

import com.stockoutradar.api.AtRiskProduct;

/**
 * A {@code LIVE_RISK} row held by the {@link RiskLedger}: as stored, as the API shows it (rank 0 until a page places
 * it), and its name in lower case for searches.
 */
record LiveRow(AtRiskRow row, AtRiskProduct product, String lowerName) {

    LiveRow(long pid, AtRiskRow row) {
        this(row, row.product(0, pid), lower(row.product(0, pid).name()));
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
