package com.stockoutradar.api;

/** Names of the grid's caches and SQL tables, shared by every node, client and analyst tool. */
public final class GridNames {
    /** SQL schema of all tables, so analysts write {@code SELECT * FROM PRODUCT}. */
    public static final String SQL_SCHEMA = "PUBLIC";

    public static final String PRODUCT_CACHE = "PRODUCT";
    public static final String CHANGE_CACHE = "INVENTORY_CHANGE";
    /** Event id to the change it produced: the idempotency index. Not an SQL table. */
    public static final String EVENT_CACHE = "EVENT_ID";
    /**
     * Product rows and changes committed in the grid and not yet in PostgreSQL, written in the same transaction as
     * the change: the durable queue PostgreSQL is fed from. Not an SQL table.
     */
    public static final String OUTBOX_CACHE = "POSTGRES_OUTBOX";

    /** Each risk refresh's at-risk products, colocated with their product: refresh records and backtests. */
    public static final String AT_RISK_CACHE = "AT_RISK";
    /**
     * The products at risk now, keyed by product id, in the product's partition: written by the transaction that
     * changes the product, brought in line by every refresh. What the dashboard reads.
     */
    public static final String LIVE_RISK_CACHE = "LIVE_RISK";
    /**
     * When each product's risk can next change by time alone (unix s), keyed by product id, in the product's
     * partition: written with its {@code LIVE_RISK} row, swept by each node to assess the product again when due.
     */
    public static final String RISK_REVIEW_CACHE = "RISK_REVIEW";
    /** One row per risk refresh: when, with which parameters, what it found; one row is current. */
    public static final String RISK_REFRESH_CACHE = "RISK_REFRESH";

    /** Units sold and restocked per product per UTC day, in the product's partition: an analysts' summary. */
    public static final String PRODUCT_DAY_CACHE = "PRODUCT_DAY";
    /** Each product's units of the last 7 UTC days and the 7 before, keyed by product id: an analysts' summary. */
    public static final String PRODUCT_WEEK_CACHE = "PRODUCT_WEEK";
    /** Units bought per customer per UTC day, in the customer's partition: an analysts' summary. */
    public static final String CUSTOMER_DAY_CACHE = "CUSTOMER_DAY";
    /** Each customer's units of the last 7 UTC days and the 7 before, keyed by customer id: an analysts' summary. */
    public static final String CUSTOMER_WEEK_CACHE = "CUSTOMER_WEEK";
    /** Each stock-out of the retention window and the first restock after it, for the analysts. */
    public static final String STOCK_OUT_CACHE = "STOCK_OUT";

    public static final String CHANGE_ID_SEQUENCE = "inventory-change-id";
    public static final String RISK_REFRESH_SEQUENCE = "risk-refresh-id";

    private GridNames() {
    }
}
