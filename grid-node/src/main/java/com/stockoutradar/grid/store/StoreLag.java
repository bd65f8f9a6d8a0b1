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
    private final long failures;

    /**
     * @param rows        writes committed in the grid and not yet in PostgreSQL
     * @param seconds     age of the oldest of them
     * @param lastFailure why the last attempt failed, or null when it succeeded
     * @param failures    attempts to write to PostgreSQL that failed since the node started
     */
    public StoreLag(long rows, double seconds, String lastFailure, long failures) {
        this.rows = rows;
        this.seconds = seconds;
        this.lastFailure = lastFailure;
        this.failures = failures;
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

    public long failures() {
        return failures;
    }
}
