package com.stockoutradar.web.risk;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.stockoutradar.api.RiskEvent;

/**
 * One open event stream: what is offered waits in a bounded queue, and is written to the client by one task at a time
 * on the stream's own executor, so a slow client holds up only itself. Offering never blocks; a client too slow to
 * take what its queue holds is dropped (its browser reconnects and re-reads the list).
 */
final class RiskStreamConnection {
    private static final Logger log = LoggerFactory.getLogger(RiskStreamConnection.class);

    /** A risk event numbered for this process, or (event null) a comment line. */
    private record Outgoing(long id, RiskEvent event, String comment) {
    }

    private final SseEmitter emitter;
    private final String client;
    private final BlockingQueue<Outgoing> queue;
    private final Executor writer;
    private final Consumer<RiskStreamConnection> onClose;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    RiskStreamConnection(SseEmitter emitter, String client, int capacity, Executor writer,
                         Consumer<RiskStreamConnection> onClose) {
        this.emitter = emitter;
        this.client = client;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = writer;
        this.onClose = onClose;
        emitter.onCompletion(() -> close());
        emitter.onTimeout(this::end);
        emitter.onError(error -> close());
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Called on the grid's callback thread: must not block. */
    void offer(long id, RiskEvent event) {
        enqueue(new Outgoing(id, event, null));
    }

    /** A comment line: ignored by clients, it keeps proxies from closing an idle stream. */
    void comment(String text) {
        enqueue(new Outgoing(0, null, text));
    }

    private void enqueue(Outgoing outgoing) {
        if (closed.get()) {
            return;
        }
        if (!queue.offer(outgoing)) {
            log.warn("dropped the risk event stream of {}: {} events waiting, it reads too slowly", client,
                    queue.size());
            end();
            return;
        }
        if (writing.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Outgoing next;
            while (!closed.get() && (next = queue.poll()) != null) {
                emitter.send(next.event() == null ? SseEmitter.event().comment(next.comment())
                        : SseEmitter.event().id(Long.toString(next.id())).name("risk").data(next.event()));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the stream completed meanwhile): the container ends the request
            close();
        } finally {
            writing.set(false);
        }
        // something offered between the last poll and clearing the flag found it still set: write it now
        if (!closed.get() && !queue.isEmpty() && writing.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    /**
     * Completes the response, on the writer: completing waits for a send in progress, which a stalled client can hold
     * up, and the grid's thread must never wait.
     */
    void end() {
        if (close()) {
            writer.execute(emitter::complete);
        }
    }

    /** Stops taking events; true the first time. */
    private boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        onClose.accept(this);
        return true;
    }
}
