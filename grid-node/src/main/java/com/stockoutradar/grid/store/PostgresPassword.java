package com.stockoutradar.grid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.stockoutradar.grid.security.Secrets;

/**
 * The embedded PostgreSQL's {@code postgres} password: random, created on the first start and kept in a file only its
 * owner may read. The file lives in {@code radar.security.directory} rather than in PostgreSQL's data directory: it
 * sits with the other secrets a first start creates, in the one directory an operator locks down and backs up, and
 * initdb needs an empty data directory, so the password must exist before the data directory has anything in it.
 */
final class PostgresPassword {
    static final String FILE_NAME = "postgres-password";

    private PostgresPassword() {
    }

    static Path file(Path securityDirectory) {
        return securityDirectory.resolve(FILE_NAME);
    }

    /** The password in {@code file}, written there first (24 random bytes, URL-safe) if there is none. */
    static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: put the PostgreSQL password back into it");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void create(Path file) {
        // initdb reads the first line of the file as the password
        Secrets.writeOwnerOnly(file, Secrets.random(24) + "\n");
    }
}
