package com.stockoutradar.grid.inventory;

import com.stockoutradar.api.ChangeType;
import com.stockoutradar.api.Limits;

/** A change would take a product's stock past ±{@link Limits#MAX_STOCK}; nothing of its request was stored. */
public class StockOutOfRangeException extends RuntimeException {
    private final int index;

    StockOutOfRangeException(String message) {
        this(message, -1);
    }

    private StockOutOfRangeException(String message, int index) {
        super(message);
        this.index = index;
    }

    /** The stock after the change, if it stays within the bounds. */
    static long check(ChangeType type, long stock, long quantity) {
        long after;
        try {
            after = type.apply(stock, quantity);
        } catch (ArithmeticException e) {
            after = Long.MAX_VALUE;
        }
        if (after < -Limits.MAX_STOCK || after > Limits.MAX_STOCK) {
            throw new StockOutOfRangeException("a " + type.name().toLowerCase() + " of " + quantity
                    + " would take stock " + stock + " past ±" + Limits.MAX_STOCK);
        }
        return after;
    }

    /** The same refusal, naming the change's position in its request. */
    public StockOutOfRangeException at(int itemIndex) {
        return new StockOutOfRangeException(getMessage(), itemIndex);
    }

    /** The same refusal for a request of one change, which has no positions. */
    public StockOutOfRangeException single() {
        return new StockOutOfRangeException(getMessage(), -1);
    }

    /** The change's position in its request, -1 when not known. */
    public int index() {
        return index;
    }
}
