package com.stockoutradar.grid.summary;

import java.io.Serializable;
import java.util.Objects;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a {@code PRODUCT_DAY} row: a product and a unix day number; colocated with the product. */
public final class ProductDayKey implements Serializable, Comparable<ProductDayKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long pid;
    private final long day;

    public ProductDayKey(long pid, long day) {
        this.pid = pid;
        this.day = day;
    }

    public long pid() {
        return pid;
    }

    public long day() {
        return day;
    }

    /** By {@code pid}, then day: the order a transaction locks its rows in. */
    @Override
    public int compareTo(ProductDayKey other) {
        int by = Long.compare(pid, other.pid);
        return by != 0 ? by : Long.compare(day, other.day);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductDayKey other && pid == other.pid && day == other.day;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid, day);
    }

    @Override
    public String toString() {
        return "ProductDayKey[pid=" + pid + ", day=" + day + "]";
    }
}
