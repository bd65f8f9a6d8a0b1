package com.stockoutradar.compute.risk;

import java.io.Serializable;
import java.util.Objects;

import org.apache.ignite.cache.affinity.AffinityKeyMapped;

/** Key of an {@code AT_RISK} row: which refresh found the product at risk; colocated with the product. */
public final class AtRiskKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long refreshId;
    @AffinityKeyMapped
    private final long pid;

    public AtRiskKey(long refreshId, long pid) {
        this.refreshId = refreshId;
        this.pid = pid;
    }

    public long refreshId() {
        return refreshId;
    }

    public long pid() {
        return pid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtRiskKey other && refreshId == other.refreshId && pid == other.pid;
    }

    @Override
    public int hashCode() {
        return Objects.hash(refreshId, pid);
    }
}
