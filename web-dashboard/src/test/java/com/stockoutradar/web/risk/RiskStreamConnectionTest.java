package com.stockoutradar.web.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.stockoutradar.api.RiskClass;
import com.stockoutradar.api.RiskEvent;

/** A stream whose client does not keep up is dropped, without the caller ever waiting for it. */
class RiskStreamConnectionTest {
    /** The writer's tasks, held back: a client that reads nothing. */
    private final List<Runnable> writerTasks = new ArrayList<>();
    private final List<RiskStreamConnection> closed = new ArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RiskStreamConnection.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void aStreamWhoseQueueIsFullIsDroppedWithALogLine() {
        RiskStreamConnection connection = new RiskStreamConnection(new SseEmitter(), "viewer from 10.0.0.7", 2,
                writerTasks::add, closed::add);

        connection.offer(1, soldOut(1));
        connection.offer(2, soldOut(2));
        assertThat(closed).as("two events fit").isEmpty();
        assertThat(writerTasks).as("one writer task at a time").hasSize(1);

        connection.offer(3, soldOut(3));

        assertThat(closed).containsExactly(connection);
        assertThat(writerTasks).as("and a task that completes the response").hasSize(2);
        assertThat(log.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .contains("dropped the risk event stream of viewer from 10.0.0.7"));

        connection.offer(4, soldOut(4));
        assertThat(closed).as("dropped once").hasSize(1);
        assertThat(writerTasks).hasSize(2);
    }

    private static RiskEvent soldOut(long productId) {
        return new RiskEvent(productId, "Product " + productId, null, RiskClass.OUT_OF_STOCK, 0);
    }
}
