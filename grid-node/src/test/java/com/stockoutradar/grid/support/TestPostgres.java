package com.stockoutradar.grid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own, which a node uses as an external database ({@code spring.datasource.url}),
 * so that the test can take it away and bring it back: same data directory, same port.
 */
public final class TestPostgres implements AutoCloseable {
    private final Path dataDirectory = Path.of("target/it-data/external-postgres-" + UUID.randomUUID());
    private EmbeddedPostgres server;
    private final int port;

    private TestPostgres() {
        server = launch(0);
        port = server.getPort();
    }

    public static TestPostgres start() {
        return new TestPostgres();
    }

    /** Settings that point a node at this server. */
    public Map<String, Object> nodeSettings() {
        return Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                // an outage shows within seconds instead of the pool's default 30
                "spring.datasource.hikari.connection-timeout", "2000");
    }

    public DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    /** The node's schema, for tests that write to PostgreSQL before or without a node. */
    public void createSchema() {
        Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
    }

    /** The server goes away; its data stays. */
    public void stop() {
        close();
    }

    /** The server comes back, with its data, on its port. */
    public void restart() {
        server = launch(port);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    private EmbeddedPostgres launch(int onPort) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (onPort > 0) {
            builder.setPort(onPort);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
