package com.stockoutradar.grid.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How committed changes travel from the grid's outbox to PostgreSQL.
 *
 * @param batchSize  pending writes per PostgreSQL transaction
 * @param pollEvery  how often a node with nothing pending looks again (the lag of a quiet system)
 * @param maxBacklog pending writes a node keeps for an unreachable PostgreSQL before it refuses new writes (503)
 * @param gapTimeout how long a product's later version waits for an earlier one still in flight before it is
 *                   written anyway (a safeguard; versions normally arrive in order within milliseconds)
 */
@ConfigurationProperties("radar.store")
public record StoreProperties(int batchSize, Duration pollEvery, long maxBacklog, Duration gapTimeout) {
}
