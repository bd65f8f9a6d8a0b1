package com.stockoutradar.grid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code pg_hba.conf} of a PostgreSQL data directory: how the server checks who connects. Data directories of
 * earlier versions trust every local connection; {@link #requirePasswords} turns each such rule into
 * {@code scram-sha-256}, leaving every other line as it is.
 */
final class ClientAuthentication {
    static final String PASSWORD_METHOD = "scram-sha-256";
    private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");

    private final Path file;

    ClientAuthentication(Path dataDirectory) {
        this.file = dataDirectory.resolve("pg_hba.conf");
    }

    /** Whether initdb has made the data directory. */
    boolean exists() {
        return Files.exists(file);
    }

    /** Whether some rule lets a connection in without a password. */
    boolean trustsAnyone() {
        return lines().stream().map(ClientAuthentication::withoutComment).anyMatch(rule -> TRUST.matcher(rule).find());
    }

    /** Rewrites every {@code trust} rule to ask for the password; the server reads it on its next reload. */
    void requirePasswords() {
        List<String> lines = lines().stream().map(ClientAuthentication::askingForPassword).toList();
        try {
            // in the data directory, which is its owner's alone (PostgreSQL refuses to start otherwise)
            Path partial = file.resolveSibling(file.getFileName() + ".new");
            Files.write(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file, e);
        }
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String askingForPassword(String line) {
        String rule = withoutComment(line);
        return TRUST.matcher(rule).replaceAll(PASSWORD_METHOD) + line.substring(rule.length());
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
