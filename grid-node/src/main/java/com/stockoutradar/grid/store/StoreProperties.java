package com.stockoutradar.grid.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Write-behind from the grid to PostgreSQL.
 *
 * @param flushFrequency how often buffered changes are written (the window an acknowledged change may still be
 *                       only in grid memory)
 * @param flushSize      buffered entries per cache that trigger an early flush; past 1.5 times this, writers wait
 *                       for the store (back-pressure instead of loss)
 * @param batchSize      rows per JDBC batch
 * @param flushThreads   flusher threads per cache; one keeps each product's stock updates in order
 * @param retryFor       how long a flush keeps retrying while PostgreSQL is unreachable before it reports failure
 *                       (Ignite then keeps the entries and tries again)
 */
@ConfigurationProperties("radar.store")
public record StoreProperties(Duration flushFrequency, int flushSize, int batchSize, int flushThreads,
                              Duration retryFor) {
}
