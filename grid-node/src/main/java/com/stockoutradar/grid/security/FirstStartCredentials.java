package com.stockoutradar.grid.security;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The credentials of a system nobody configured: an {@code admin} user with every role and an API key with
 * {@link Role#INGEST}, created once with random secrets. Only their hashes are written (to
 * {@code credentials.properties}, readable by its owner only); the secrets themselves are shown once, by whoever
 * started the system. Delete the file to have new ones created.
 */
public final class FirstStartCredentials {
    static final String ADMIN = "admin";
    static final String INGEST_KEY = "ingest";
    private static final String FILE = "credentials.properties";
    private static final String CLUSTER_SECRET_FILE = "cluster-secret";

    private final Path directory;
    private final PasswordEncoder encoder;

    /** What this start created: to be shown once, never stored. */
    public record Created(String adminUser, String adminPassword, String apiKeyName, String apiKey, Path file) {
        @Override
        public String toString() {
            return "Created[" + file + "]"; // never the secrets, should it end up in a log line by accident
        }
    }

    FirstStartCredentials(Path directory, PasswordEncoder encoder) {
        this.directory = directory;
        this.encoder = encoder;
    }

    /** Fills {@code users} and {@code keys} from the file, creating it first if there is none. */
    Created loadOrCreate(Map<String, Accounts.StoredUser> users, Map<String, Accounts.StoredKey> keys) {
        Path file = directory.resolve(FILE);
        Created created = null;
        if (!Files.exists(file)) {
            created = new Created(ADMIN, Secrets.random(18), INGEST_KEY, "sr_" + Secrets.random(32),
                    file.toAbsolutePath());
            Properties stored = new Properties();
            stored.setProperty("users." + ADMIN + ".password", encoder.encode(created.adminPassword()));
            stored.setProperty("users." + ADMIN + ".roles", names(EnumSet.allOf(Role.class)));
            stored.setProperty("api-keys." + INGEST_KEY + ".key-sha256",
                    HexFormat.of().formatHex(Accounts.sha256(created.apiKey())));
            stored.setProperty("api-keys." + INGEST_KEY + ".roles", Role.INGEST.name());
            StringWriter content = new StringWriter();
            try {
                stored.store(content, " Created on the first start: hashes only. Delete this file for new credentials.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Secrets.writeOwnerOnly(file, content.toString());
        }
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String property : stored.stringPropertyNames()) {
            String[] parts = property.split("\\.");
            if (parts.length == 3 && parts[0].equals("users") && parts[2].equals("password")) {
                users.put(parts[1], new Accounts.StoredUser(stored.getProperty(property),
                        roles(stored.getProperty("users." + parts[1] + ".roles"))));
            } else if (parts.length == 3 && parts[0].equals("api-keys") && parts[2].equals("key-sha256")) {
                keys.put(parts[1], new Accounts.StoredKey(HexFormat.of().parseHex(stored.getProperty(property)),
                        roles(stored.getProperty("api-keys." + parts[1] + ".roles"))));
            }
        }
        return created;
    }

    /** The cluster secret of this process's cluster, created once; it must be shown to join, so it is kept as is. */
    String clusterSecret() {
        Path file = directory.resolve(CLUSTER_SECRET_FILE);
        if (!Files.exists(file)) {
            Secrets.writeOwnerOnly(file, Secrets.random(32));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Set<Role> roles(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaList.split(",")).map(String::strip).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
