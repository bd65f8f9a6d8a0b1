package com.stockoutradar.grid.inventory;

import java.util.concurrent.TimeUnit;

import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;

import org.apache.ignite.Ignite;

import com.stockoutradar.grid.IgniteConfigurationFactory;

/** How long changes stay in the grid, counted from each change's own timestamp; PostgreSQL keeps them all. */
public final class RetentionWindow {
    private final long seconds;

    private RetentionWindow(long seconds) {
        this.seconds = seconds;
    }

    /** The cluster's window, as this node was configured with it. */
    public static RetentionWindow of(Ignite ignite) {
        return new RetentionWindow(ignite.cluster().localNode().<Long>attribute(
                IgniteConfigurationFactory.RETENTION_SECONDS_ATTRIBUTE));
    }

    /** Seconds a change with {@code timestamp} has left in the grid at {@code now}; zero or less: none. */
    public long secondsLeft(long timestamp, long now) {
        return timestamp + seconds - now;
    }

    public static ExpiryPolicy expiringIn(long seconds) {
        return new CreatedExpiryPolicy(new Duration(TimeUnit.SECONDS, seconds));
    }
}
