package com.stockoutradar.grid.inventory;

import java.io.Serializable;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.compute.risk.DemandDays;

/**
 * A product's current stock, the value of the {@code PRODUCT} cache and table (key: product id).
 * Stock may be negative: a sale is never refused for lack of stock, and the discrepancy must show.
 */
public final class Product implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long stock;
    private final String name;
    /** Unix seconds of the last change to this row. */
    private final long updatedAt;
    /**
     * Sales and restocks per day of the last days ({@link DemandDays}), for the risk refresh; derived from the
     * changes, so not a column of its own in PostgreSQL. Null when the product has had no recent change.
     */
    private final long[] demand;

    public Product(long stock, String name, long updatedAt) {
        this(stock, name, updatedAt, null);
    }

    public Product(long stock, String name, long updatedAt, long[] demand) {
        this.stock = stock;
        this.name = name;
        this.updatedAt = updatedAt;
        this.demand = demand;
    }

    public long stock() {
        return stock;
    }

    public String name() {
        return name;
    }

    public long updatedAt() {
        return updatedAt;
    }

    /** The product after one change, applied at {@code now} (unix s). */
    public Product with(ChangeType type, long quantity, long timestamp, long now) {
        return new Product(type.apply(stock, quantity), name, now,
                DemandDays.add(demand, type == ChangeType.SALE, quantity, timestamp, now));
    }

    /** The same product with a new stock and, when given, a new name (an absent name keeps the old one). */
    public Product set(long newStock, String newName, long now) {
        return new Product(newStock, newName == null ? name : newName, now, demand);
    }

    @Override
    public String toString() {
        return "Product[stock=" + stock + ", name=" + name + ", updatedAt=" + updatedAt + "]";
    }
}
