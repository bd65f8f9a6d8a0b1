package com.stockoutradar.grid.inventory;

import java.io.Serializable;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.compute.risk.DemandDays;
import com.stockoutradar.grid.outbox.PendingWrite;

/**
 * A product's current stock, the value of the {@code PRODUCT} cache and table (key: product id).
 * Stock may be negative: a sale is never refused for lack of stock, and the discrepancy must show.
 */
public final class Product implements Serializable {
    private static final long serialVersionUID = 2L;

    private final long stock;
    private final String name;
    /** Unix seconds of the last change to this row. */
    private final long updatedAt;
    /**
     * How many times this product has been changed (created, set, sold, restocked): PostgreSQL takes a product row
     * only with a higher version than it holds, so a late or repeated write never moves stock backwards.
     */
    private final long version;
    /**
     * Sales and restocks per day of the last days ({@link DemandDays}), for the risk refresh; derived from the
     * changes, so not a column of its own in PostgreSQL. Null when the product has had no recent change.
     */
    private final long[] demand;
    /** The change id of the stock-out that awaits its first restock ({@code STOCK_OUT}); 0 when none does. */
    private final long openStockOut;

    /** A product new to the inventory: its first version. */
    public Product(long stock, String name, long updatedAt) {
        this(stock, name, updatedAt, 1, null, 0);
    }

    public Product(long stock, String name, long updatedAt, long version, long[] demand, long openStockOut) {
        this.stock = stock;
        this.name = name;
        this.updatedAt = updatedAt;
        this.version = version;
        this.demand = demand;
        this.openStockOut = openStockOut;
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

    public long version() {
        return version;
    }

    /** Sales and restocks per day of the last days ({@link DemandDays}), for the risk model; null when none. */
    public long[] demand() {
        return demand;
    }

    /** The change id of the stock-out that awaits its first restock; 0 when none does. */
    public long openStockOut() {
        return openStockOut;
    }

    /** The same product awaiting a restock for the stock-out {@code changeId} (0: for none). */
    public Product withOpenStockOut(long changeId) {
        return new Product(stock, name, updatedAt, version, demand, changeId);
    }

    /**
     * The product after one change, applied at {@code now} (unix s).
     *
     * @throws StockOutOfRangeException when the stock would pass ±{@link com.stockoutradar.api.Limits#MAX_STOCK}
     */
    public Product with(ChangeType type, long quantity, long timestamp, long now) {
        long after = StockOutOfRangeException.check(type, stock, quantity);
        try {
            return new Product(after, name, now, version + 1,
                    DemandDays.add(demand, type == ChangeType.SALE, quantity, timestamp, now), openStockOut);
        } catch (ArithmeticException e) {
            throw new StockOutOfRangeException("a " + type.name().toLowerCase() + " of " + quantity
                    + " would overflow the units of its day");
        }
    }

    /** The same product with a new stock and, when given, a new name (an absent name keeps the old one). */
    public Product set(long newStock, String newName, long now) {
        return new Product(newStock, newName == null ? name : newName, now, version + 1, demand, openStockOut);
    }

    /** What PostgreSQL must receive for this version when it came without a change (created, set, imported). */
    public PendingWrite pendingWrite() {
        return PendingWrite.product(stock, name, updatedAt);
    }

    @Override
    public String toString() {
        return "Product[stock=" + stock + ", name=" + name + ", updatedAt=" + updatedAt + ", version=" + version
                + "]";
    }
}
