package com.stockoutradar.grid.inventory;

import java.io.Serializable;

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

    public Product(long stock, String name, long updatedAt) {
        this.stock = stock;
        this.name = name;
        this.updatedAt = updatedAt;
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

    public Product withStock(long newStock, long now) {
        return new Product(newStock, name, now);
    }

    /** The same product with a new stock and, when given, a new name (an absent name keeps the old one). */
    public Product set(long newStock, String newName, long now) {
        return new Product(newStock, newName == null ? name : newName, now);
    }

    @Override
    public String toString() {
        return "Product[stock=" + stock + ", name=" + name + ", updatedAt=" + updatedAt + "]";
    }
}
