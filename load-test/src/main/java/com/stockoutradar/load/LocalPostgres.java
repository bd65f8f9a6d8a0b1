package com.stockoutradar.load;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a benchmark's own (the binaries the application embeds), on a data directory that outlives
 * it, so that a bench can stop it and start it again on the same data and port.
 */
final class LocalPostgres {
    private LocalPostgres() {
    }

    static EmbeddedPostgres start(Path directory, int port) throws Exception {
        Files.createDirectories(directory);
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("work_mem", "64MB")
                .start();
    }

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
    }
}
