package com.stockoutradar.grid.store;

import java.io.Serializable;

/**
 * How far PostgreSQL is behind one node's share of the grid (or the whole grid's). A class, not a record: each node
 * sends its own back to the asking node, and Ignite 2.17 cannot marshal records.
 */
public final class StoreLag implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final double seconds;
    private final long written;
    private final String lastFailure;

    /**
     * @param rows        writes committed in the grid and not yet in PostgreSQL
     * @param seconds     age of the oldest of them
     * @param written     writes this node has delivered since it started
     * @param lastFailure why the last attempt failed, or null when it succeeded
     */
    public StoreLag(long rows, double seconds, long written, String lastFailure) {
        this.rows = rows;
        this.seconds = seconds;
        this.written = written;
        this.lastFailure = lastFailure;
    }

    public long rows() {
        return rows;
    }

    public double seconds() {
        return seconds;
    }

    public long written() {
        return written;
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public String toString() {
        return "StoreLag[rows=" + rows + ", seconds=" + seconds + ", written=" + written + ", lastFailure="
                + lastFailure + "]";
    }
}
