package com.stockoutradar.web;

import static com.stockoutradar.api.StockoutRadarClient.basic;
import static com.stockoutradar.api.StockoutRadarClient.bearer;

/** {@code Authorization} headers of the people and machines defined in {@code grid-it.properties}. */
public final class TestAccounts {
    public static final String ADMIN = basic("admin", "admin-secret");
    public static final String VIEWER = basic("viewer", "viewer-secret");
    public static final String OPERATOR = basic("operator", "operator-secret");
    /** A person with INVENTORY. */
    public static final String CLERK = basic("clerk", "clerk-secret");
    public static final String ANALYST = basic("analyst", "analyst-secret");
    /** The shop's order system: INGEST. */
    public static final String SHOP_KEY = bearer("test-shop-key");
    /** The catalogue system: INVENTORY. */
    public static final String CATALOGUE_KEY = bearer("test-catalogue-key");
    /** Prometheus's API key (METRICS), as its scrape configuration names it. */
    public static final String SCRAPER_API_KEY = "test-scraper-key";
    public static final String SCRAPER_KEY = bearer(SCRAPER_API_KEY);

    private TestAccounts() {
    }
}
