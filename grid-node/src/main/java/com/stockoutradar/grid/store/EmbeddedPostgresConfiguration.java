package com.stockoutradar.grid.store;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: without {@code spring.datasource.url}, a real PostgreSQL server runs from binaries on the
 * class path with its data under {@code ./data}, and Spring's DataSource, Flyway and the stores connect to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties settings) throws IOException {
        Files.createDirectories(settings.dataDirectory());
        long started = System.currentTimeMillis();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDirectory())
                .setCleanDataDirectory(false)
                // Spring stops it, after the grid and its outbox writer; a JVM hook of its own could go first
                .setRegisterShutdownHook(false);
        if (settings.port() > 0) {
            requireFree(settings.port());
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL on port {} with data in {} started in {} ms", postgres.getPort(),
                settings.dataDirectory().toAbsolutePath(), System.currentTimeMillis() - started);
        return postgres;
    }

    /**
     * The server would otherwise be taken as started when anything answers on the port, such as a PostgreSQL a
     * killed earlier run left behind on another data directory.
     */
    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " for the embedded PostgreSQL is in use: another "
                    + "PostgreSQL (perhaps one a killed run left behind) is listening there; stop it or set "
                    + "radar.embedded-postgres.port", e);
        }
    }

    /** Boot builds the pool (with the spring.datasource.hikari settings) from these details. */
    @Bean
    JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return USER;
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
            }
        };
    }

    static final class NoDataSourceUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().containsProperty("spring.datasource.url")
                    ? ConditionOutcome.noMatch("spring.datasource.url is set: an external PostgreSQL")
                    : ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL");
        }
    }
}
