package com.stockoutradar.grid.store;

import java.io.Serializable;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a database write while PostgreSQL is unreachable or restarting, so that a short outage delays
 * write-behind instead of failing it. Every write it retries must be idempotent.
 */
final class TransientRetry implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    private final long retryForMillis;

    TransientRetry(Duration retryFor) {
        this.retryForMillis = retryFor.toMillis();
    }

    void run(String what, SqlWork work) throws SQLException {
        long deadline = System.currentTimeMillis() + retryForMillis;
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            try {
                work.run();
                return;
            } catch (SQLException e) {
                if (!isTransient(e) || System.currentTimeMillis() + pause > deadline) {
                    throw e;
                }
                log.warn("{} failed, PostgreSQL unreachable ({}); retrying in {} ms", what, rootCause(e), pause);
                sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    /** Connection failures (SQLState class 08), server shutdown or overload (57P, 53): worth waiting for. */
    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLRecoverableException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
