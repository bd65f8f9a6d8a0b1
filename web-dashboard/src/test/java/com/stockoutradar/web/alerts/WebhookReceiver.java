package com.stockoutradar.web.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP endpoint on 127.0.0.1 and a free port that records every webhook delivery and answers as told. */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answered when it never answers. */
    static final int NO_ANSWER = 0;

    /**
     * One request as it arrived.
     *
     * @param eventId     its {@code X-Radar-Event-Id}
     * @param signature   its {@code X-Radar-Signature}
     * @param body        the exact bytes received
     * @param answered    the status sent back, {@link #NO_ANSWER} if none
     * @param arrivedNanos when it arrived ({@link System#nanoTime()})
     */
    record Delivery(String eventId, String signature, String contentType, byte[] body, int answered,
                    long arrivedNanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long productId() {
            return json().get("productId").asLong();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    /** Answers the n-th attempt (from 1) of an event id with this status; {@link #NO_ANSWER}: hangs. */
    private final IntUnaryOperator statusOfAttempt;
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebhookReceiver(IntUnaryOperator statusOfAttempt) {
        this.statusOfAttempt = statusOfAttempt;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the n-th attempt of each event id (from 1) with {@code statusOfAttempt(n)}. */
    static WebhookReceiver answering(IntUnaryOperator statusOfAttempt) {
        return new WebhookReceiver(statusOfAttempt);
    }

    /** Reads every request and never answers it. */
    static WebhookReceiver neverAnswering() {
        return new WebhookReceiver(attempt -> NO_ANSWER);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/radar-alerts";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<Delivery> deliveriesOf(long productId) {
        return deliveries.stream().filter(delivery -> delivery.productId() == productId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String eventId = exchange.getRequestHeaders().getFirst("X-Radar-Event-Id");
        int status = statusOfAttempt.applyAsInt(
                attempts.computeIfAbsent(String.valueOf(eventId), id -> new AtomicInteger()).incrementAndGet());
        deliveries.add(new Delivery(eventId, exchange.getRequestHeaders().getFirst("X-Radar-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, status, System.nanoTime()));
        if (status == NO_ANSWER) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
