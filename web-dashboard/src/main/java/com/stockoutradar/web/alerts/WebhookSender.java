package com.stockoutradar.web.alerts;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivers one webhook's alerts in order, on a thread of its own: each is POSTed until it is answered with a 2xx
 * or has had its attempts, with exponential back-off in between, and only then comes the next. A slow or dead
 * receiver holds up its own alerts only.
 */
final class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String EVENT_ID_HEADER = "X-Radar-Event-Id";
    /** How often an idle sender looks whether it is asked to stop. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);

    private final AlertProperties.Webhook webhook;
    private final AlertProperties settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Signature signature;
    private final AlertQueue queue;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;

    WebhookSender(AlertProperties.Webhook webhook, AlertProperties settings, HttpClient http, ObjectMapper json) {
        this.webhook = webhook;
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.signature = new Signature(webhook.secret());
        this.queue = new AlertQueue(webhook, settings.queueSize());
        this.thread = new Thread(this::run, "alerts-" + webhook.url().getAuthority());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Never waits: see {@link AlertQueue}. */
    void add(Alert alert) {
        queue.add(alert);
    }

    /** Asks the sender to stop once its attempt in flight is answered or timed out; retries and queue are given up. */
    void stopSending() {
        stopping.countDown();
    }

    /** Waits for the attempt in flight, at most its timeout and a second, then cuts it off. */
    void awaitStopped() throws InterruptedException {
        thread.join(settings.timeout().plusSeconds(1).toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }

    private void run() {
        try {
            while (stopping.getCount() > 0) {
                Alert alert = queue.next(IDLE_CHECK);
                if (alert != null) {
                    deliver(alert);
                }
            }
        } catch (InterruptedException e) {
            log.warn("alerts to {}: cut off while stopping", webhook);
        } finally {
            queue.abandon();
        }
    }

    private void deliver(Alert alert) throws InterruptedException {
        HttpRequest request = request(alert);
        Duration pause = settings.firstRetry();
        for (int attempt = 1; ; attempt++) {
            String failure = attempt(request);
            if (failure == null) {
                return;
            }
            if (attempt >= settings.maxAttempts()) {
                log.warn("alert to {} dropped after {} attempts, the last: {}; {}", webhook, attempt, failure, alert);
                return;
            }
            if (stopping.await(pause.toNanos(), NANOSECONDS)) {
                log.warn("alert to {} not delivered: stopping after {} attempts, the last: {}; {}", webhook, attempt,
                        failure, alert);
                return;
            }
            pause = min(pause.multipliedBy(2), settings.longestRetry());
        }
    }

    private HttpRequest request(Alert alert) {
        byte[] body = body(alert);
        return HttpRequest.newBuilder(webhook.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, alert.id())
                .header(Signature.HEADER, signature.of(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Null when delivered, else what went wrong. */
    private String attempt(HttpRequest request) throws InterruptedException {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) { // also a timeout, and a refused connection
            return e.toString();
        }
    }

    private byte[] body(Alert alert) {
        try {
            return json.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert is plain fields: " + alert, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
