package com.stockoutradar.grid.summary;

import java.io.Serializable;
import java.util.Objects;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of a {@code CUSTOMER_DAY} row: a customer and a unix day number; colocated with the customer's week. */
public final class CustomerDayKey implements Serializable, Comparable<CustomerDayKey> {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long customerId;
    private final long day;

    public CustomerDayKey(long customerId, long day) {
        this.customerId = customerId;
        this.day = day;
    }

    public long customerId() {
        return customerId;
    }

    public long day() {
        return day;
    }

    /** By {@code customerId}, then day: the order a transaction locks its rows in. */
    @Override
    public int compareTo(CustomerDayKey other) {
        int by = Long.compare(customerId, other.customerId);
        return by != 0 ? by : Long.compare(day, other.day);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerDayKey other && customerId == other.customerId && day == other.day;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, day);
    }

    @Override
    public String toString() {
        return "CustomerDayKey[customerId=" + customerId + ", day=" + day + "]";
    }
}
