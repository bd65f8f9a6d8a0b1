package com.stockoutradar.web.alerts;

import java.net.http.HttpClient;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.api.RiskEvent;
import com.stockoutradar.grid.risk.RiskEvents;

/**
 * Products entering the at-risk list or a more urgent class, sent to every configured webhook. Risk events arrive on
 * the grid's callback thread, in the path of ingestion: they are only queued here, and each webhook's sender posts
 * them.
 */
@Component
class Alerts implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final RiskEvents riskEvents;
    private final AlertProperties settings;
    private final ObjectMapper json;
    private volatile List<WebhookSender> senders = List.of();
    private volatile AutoCloseable subscription;
    private volatile boolean running;

    Alerts(RiskEvents riskEvents, AlertProperties settings, ObjectMapper json) {
        this.riskEvents = riskEvents;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        if (settings.webhooks().isEmpty()) {
            return;
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with plain receivers
                .connectTimeout(settings.timeout())
                .build();
        senders = settings.webhooks().stream().map(webhook -> new WebhookSender(webhook, settings, http, json))
                .toList();
        senders.forEach(WebhookSender::start);
        subscription = riskEvents.subscribe(this::onRiskEvent);
        log.info("alerts go to {}", settings.webhooks());
    }

    private void onRiskEvent(RiskEvent event) {
        if (event.entersAClass()) {
            for (WebhookSender sender : senders) {
                sender.add(Alert.of(event)); // an id of its own per webhook: one delivery each
            }
        }
    }

    /** Lets every sender finish its attempt in flight, all at once: a stop takes at most one timeout and a second. */
    @Override
    public void stop() {
        running = false;
        try {
            if (subscription != null) {
                subscription.close();
            }
            senders.forEach(WebhookSender::stopSending);
            for (WebhookSender sender : senders) {
                sender.awaitStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("stopping alerts: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped after the web server and the events it subscribes to: the last requests' alerts are still sent. */
    @Override
    public int getPhase() {
        return RiskEvents.PHASE - 1;
    }
}
