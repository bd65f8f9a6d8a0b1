package com.stockoutradar.grid.ingest;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Changes named products the inventory does not know; nothing of the request was stored. */
public class UnknownProductsException extends RuntimeException {
    private final SortedSet<Long> productIds;

    public UnknownProductsException(Set<Long> productIds) {
        super("unknown products: " + new TreeSet<>(productIds));
        this.productIds = new TreeSet<>(productIds);
    }

    public SortedSet<Long> productIds() {
        return productIds;
    }
}
