package com.stockoutradar.web.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where alerts go and how hard their delivery is tried.
 *
 * @param webhooks      the receivers; none: nothing is sent and risk events are not even subscribed to
 * @param timeout       longest wait for a receiver to connect and answer one attempt
 * @param maxAttempts   attempts per alert and webhook, the first included; then it is logged and dropped
 * @param firstRetry    pause before the second attempt, doubled before each further one
 * @param longestRetry  the pause stops doubling here
 * @param queueSize     alerts waiting per webhook; when full, the oldest is dropped (ingestion never waits)
 */
@ConfigurationProperties("radar.alerts")
public record AlertProperties(List<Webhook> webhooks, Duration timeout, int maxAttempts, Duration firstRetry,
                              Duration longestRetry, int queueSize) {

    public AlertProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        for (int i = 0; i < webhooks.size(); i++) {
            if (webhooks.get(i).url() == null || webhooks.get(i).secret() == null
                    || webhooks.get(i).secret().isBlank()) {
                throw new IllegalArgumentException("radar.alerts.webhooks[" + i + "] needs both a url and a secret");
            }
        }
    }

    /**
     * One receiver.
     *
     * @param url    where alerts are POSTed
     * @param secret the HMAC-SHA256 key deliveries are signed with, shared with the receiver
     */
    public record Webhook(URI url, String secret) {

        /** The URL only: the secret stays out of logs. */
        @Override
        public String toString() {
            return url.toString();
        }
    }
}
