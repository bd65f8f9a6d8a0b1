package com.stockoutradar.grid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded PostgreSQL's {@code postgres} password: random, created on the first start and kept in a file only its
 * owner may read. The file lives in {@code radar.security.directory} rather than in PostgreSQL's data directory: it
 * sits with the other secrets a first start creates, in the one directory an operator locks down and backs up, and
 * initdb needs an empty data directory, so the password must exist before the data directory has anything in it.
 */
final class PostgresPassword {
    static final String FILE_NAME = "postgres-password";
    private static final SecureRandom RANDOM = new SecureRandom();

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

    private static void create(Path file) throws IOException {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial);
        }
        // initdb reads the first line of the file as the password
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        // a crash never leaves a half-written password behind for the next start to set
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
