package com.stockoutradar.grid.cluster;

import java.time.Duration;
import java.util.Optional;

import javax.cache.CacheException;

import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.internal.processors.cache.CacheInvalidStateException;
import org.apache.ignite.transactions.TransactionDeadlockException;
import org.apache.ignite.transactions.TransactionTimeoutException;

/**
 * The grid cannot take or answer a request right now, for a reason that passes (locks, a lost node, PostgreSQL
 * far behind, a full disk); nothing of the request was stored. The caller may send it again after
 * {@link #retryAfter()}.
 */
public class GridUnavailableException extends RuntimeException {
    private final Duration retryAfter;

    public GridUnavailableException(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    public GridUnavailableException(String reason, Duration retryAfter) {
        this(reason, retryAfter, null);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** What a failure of a grid operation means for the caller, when it is one that passes. */
    public static Optional<GridUnavailableException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GridUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
            if (t instanceof CacheInvalidStateException || t instanceof IgniteException && t.getMessage() != null
                    && t.getMessage().startsWith("Failed to get primary node")) {
                return Optional.of(new GridUnavailableException("the data is on a node that left the cluster "
                        + "(lost partitions): " + t.getMessage(), Duration.ofSeconds(30), failure));
            }
            if (t instanceof TransactionTimeoutException || t instanceof TransactionDeadlockException) {
                return Optional.of(new GridUnavailableException("the products are busy (lock wait timed out)",
                        Duration.ofSeconds(1), failure));
            }
            if (t instanceof ClusterTopologyException) {
                return Optional.of(new GridUnavailableException("a grid node left during the request",
                        Duration.ofSeconds(5), failure));
            }
            if (t instanceof IllegalStateException && t.getMessage() != null
                    && t.getMessage().startsWith("Grid is in invalid state")) {
                return Optional.of(new GridUnavailableException("this process's grid node has stopped (see its log); "
                        + "it must be restarted", Duration.ofSeconds(30), failure));
            }
            if ((t instanceof IgniteException || t instanceof CacheException || t instanceof IllegalStateException)
                    && t.getMessage() != null && t.getMessage().contains("cluster is inactive")) {
                return Optional.of(new GridUnavailableException("the cluster is not active yet (waiting for its "
                        + "baseline nodes)", Duration.ofSeconds(10), failure));
            }
        }
        return Optional.empty();
    }
}
