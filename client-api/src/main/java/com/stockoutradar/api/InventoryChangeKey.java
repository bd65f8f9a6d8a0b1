package com.stockoutradar.api;

import java.io.Serializable;
import java.util.Objects;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of an inventory change in the grid. The product id is the affinity key, so a product and all its
 * changes live in the same partition and one node can update both in a local transaction.
 * <p>
 * A class rather than a record: Ignite 2.17's binary marshaller cannot write record fields.
 */
public final class InventoryChangeKey implements Serializable, Comparable<InventoryChangeKey> {
    private static final long serialVersionUID = 1L;

    private final long id;

    @AffinityKeyMapped
    private final long pid;

    public InventoryChangeKey(long id, long pid) {
        this.id = id;
        this.pid = pid;
    }

    public long id() {
        return id;
    }

    public long pid() {
        return pid;
    }

    /** By product, then id: the order a sweep locks rows keyed by changes in. */
    @Override
    public int compareTo(InventoryChangeKey other) {
        int by = Long.compare(pid, other.pid);
        return by != 0 ? by : Long.compare(id, other.id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InventoryChangeKey other && id == other.id && pid == other.pid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, pid);
    }

    @Override
    public String toString() {
        return "InventoryChangeKey[id=" + id + ", pid=" + pid + "]";
    }
}
