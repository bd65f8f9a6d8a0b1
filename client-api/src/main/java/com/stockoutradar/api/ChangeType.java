package com.stockoutradar.api;

/** What an inventory change does to a product's stock. */
public enum ChangeType {
    SALE(-1),
    RESTOCK(1);

    private final int sign;

    ChangeType(int sign) {
        this.sign = sign;
    }

    /** The stock after {@code quantity} units of this change are applied to {@code stock}. */
    public long apply(long stock, long quantity) {
        return Math.addExact(stock, sign * quantity);
    }
}
