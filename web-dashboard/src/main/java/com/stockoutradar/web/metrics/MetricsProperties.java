package com.stockoutradar.web.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own series at {@code /actuator/prometheus}.
 *
 * @param sampleFor how long one reading of the cluster (PostgreSQL lag, nodes, at-risk counts) serves the gauges:
 *                  shorter than the scrape interval, longer than a scrape takes
 */
@ConfigurationProperties("radar.metrics")
public record MetricsProperties(Duration sampleFor) {
}
