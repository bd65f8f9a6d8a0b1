package com.stockoutradar.grid.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL server started in-process when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory where its files live; kept across restarts
 * @param port          the port it listens on (127.0.0.1), for {@code psql}; 0 picks a free one
 */
@ConfigurationProperties("radar.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port) {
}
