package com.stockoutradar.grid.store;

import java.io.IOException;
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
                // Spring stops it, after the grid's last write-behind flush; a JVM hook of its own could go first
                .setRegisterShutdownHook(false);
        if (settings.port() > 0) {
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL on port {} with data in {} started in {} ms", postgres.getPort(),
                settings.dataDirectory().toAbsolutePath(), System.currentTimeMillis() - started);
        return postgres;
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
