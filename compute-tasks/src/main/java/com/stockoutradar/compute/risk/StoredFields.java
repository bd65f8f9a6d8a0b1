package com.stockoutradar.compute.risk;

/**
 * The names of the stored values' fields that the scans read from binary objects, defined once for the classes
 * that write them (grid-node's {@code Product}, {@code InventoryChange} and the keys, whose Java fields carry these
 * names; a test there holds them to it) and the code that reads them without deserialising.
 */
public final class StoredFields {
    public static final String PRODUCT_STOCK = "stock";
    public static final String PRODUCT_NAME = "name";
    /** How many times the product has changed: what a refresh checks before it rewrites a {@code LIVE_RISK} row. */
    public static final String PRODUCT_VERSION = "version";
    /** The product's days of demand, as {@link DemandDays} keeps them. */
    public static final String PRODUCT_DEMAND = "demand";
    public static final String CHANGE_TYPE = "type";
    public static final String CHANGE_QUANTITY = "quantity";
    public static final String CHANGE_TIMESTAMP = "timestamp";
    /** The product id in every key colocated by product. */
    public static final String KEY_PID = "pid";
    public static final String AT_RISK_KEY_REFRESH_ID = "refreshId";
    /** The class of a {@code LIVE_RISK} row, a {@link com.stockoutradar.api.RiskClass} name. */
    public static final String RISK_CLASS = "riskClass";
    public static final String RISK_NAME = "name";

    private StoredFields() {
    }
}
