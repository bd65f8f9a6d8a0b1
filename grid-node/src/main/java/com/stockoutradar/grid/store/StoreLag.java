package com.stockoutradar.grid.store;

import java.io.Serializable;

/**
 * How far PostgreSQL is behind one node's share of the grid, or the whole grid's. A class: it travels between nodes,
 * and Ignite 2.17 cannot marshal records.
 */
public final class StoreLag implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long rows;
    private final double seconds;
    private final String lastFailure;

    /**
     * @param rows        writes committed in the grid and not yet in PostgreSQL
     * @param seconds     age of the oldest of them
     * @param lastFailure why the last attempt failed, or null when it succeeded
     */
    public StoreLag(long rows, double seconds, String lastFailure) {
        this.rows = rows;
        this.seconds = seconds;
        this.lastFailure = lastFailure;
    }

    public long rows() {
        return rows;
    }

    public double seconds() {
        return seconds;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
