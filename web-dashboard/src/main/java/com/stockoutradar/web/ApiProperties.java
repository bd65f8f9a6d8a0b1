package com.stockoutradar.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the REST API.
 *
 * @param maxBodySize     largest JSON request body (CSV imports stream and have no limit)
 * @param maxBatchSize    most sales in one {@code POST /sales}
 * @param maxFutureSkew   how far in the future a change's timestamp may be (senders' clocks drift)
 * @param lastChanges     changes shown by {@code GET /inventory/{productId}}
 */
@ConfigurationProperties("radar.api")
public record ApiProperties(DataSize maxBodySize, int maxBatchSize, Duration maxFutureSkew, int lastChanges) {
}
