package com.stockoutradar.grid.outbox;

import java.io.Serializable;
import java.util.Objects;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/**
 * Key of a pending write: the product and its version the write brings PostgreSQL to. Colocated with the product,
 * so the ingestion transaction writes it on the product's node. A class: Ignite 2.17 cannot marshal records.
 */
public final class PendingWriteKey implements Serializable {
    private static final long serialVersionUID = 1L;

    @AffinityKeyMapped
    private final long pid;
    private final long version;

    public PendingWriteKey(long pid, long version) {
        this.pid = pid;
        this.version = version;
    }

    public long pid() {
        return pid;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingWriteKey other && pid == other.pid && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid, version);
    }

    @Override
    public String toString() {
        return "PendingWriteKey[pid=" + pid + ", version=" + version + "]";
    }
}
