package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientRetryTest {

    @Test
    void connectionFailuresAndServerShutdownAreWorthWaitingFor() {
        assertThat(TransientRetry.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(TransientRetry.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(TransientRetry.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(TransientRetry.isTransient(new SQLException("wrapper", "XX000",
                new SQLException("cannot connect", "08006")))).isTrue();
    }

    @Test
    void brokenStatementsAreNotRetried() {
        assertThat(TransientRetry.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientRetry.isTransient(new SQLException("check violation", "23514"))).isFalse();
    }

    @Test
    void retriesUntilTheDatabaseIsBack() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();

        new TransientRetry(Duration.ofSeconds(10)).run("writing", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("connection refused", "08001");
            }
        });

        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpOnAPermanentErrorAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new TransientRetry(Duration.ofSeconds(10)).run("writing", () -> {
            attempts.incrementAndGet();
            throw new SQLException("syntax error", "42601");
        })).isInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
    }
}
