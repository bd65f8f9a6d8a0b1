package com.stockoutradar.grid.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people and machines that may use the system, from {@code radar.security.*} or, with nothing configured, from
 * the credentials the first start created. Checks a name and password, or an API key; never holds a secret in plain
 * text (keys are kept as SHA-256 digests and compared in constant time).
 */
@Component
public class Accounts {
    /** Successful password checks, so that HTTP Basic does not pay bcrypt on every request. */
    private static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, StoredUser> users;
    private final Map<String, StoredKey> keys;
    private final String clusterSecret;
    private final FirstStartCredentials.Created created;
    private final String unknownUserHash;
    private final Map<String, Account> remembered = new ConcurrentHashMap<>();

    record StoredUser(String encodedPassword, Set<Role> roles) {
    }

    record StoredKey(byte[] sha256, Set<Role> roles) {
    }

    public Accounts(SecurityProperties settings) {
        Map<String, StoredUser> users = new LinkedHashMap<>();
        Map<String, StoredKey> keys = new LinkedHashMap<>();
        settings.users().forEach((name, user) -> users.put(name, new StoredUser(required(user.password(),
                "radar.security.users." + name + ".password"), roles(user.roles()))));
        settings.apiKeys().forEach((name, key) -> keys.put(name, new StoredKey(sha256(required(key.key(),
                "radar.security.api-keys." + name + ".key")), roles(key.roles()))));
        FirstStartCredentials firstStart = new FirstStartCredentials(settings.directory(), encoder);
        this.created = users.isEmpty() && keys.isEmpty() ? firstStart.loadOrCreate(users, keys) : null;
        this.clusterSecret = settings.clusterSecret() != null && !settings.clusterSecret().isBlank()
                ? settings.clusterSecret() : firstStart.clusterSecret();
        this.users = Map.copyOf(users);
        this.keys = Map.copyOf(keys);
        this.unknownUserHash = encoder.encode("no such user");
    }

    /** The person with this name and password, if both are right. */
    public Optional<Account> signIn(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        String attempt = HexFormat.of().formatHex(sha256(name + '\0' + password));
        Account known = remembered.get(attempt);
        if (known != null) {
            return Optional.of(known);
        }
        StoredUser user = users.get(name);
        // an unknown name costs the same hash check, so that timing does not tell which names exist
        boolean matches = encoder.matches(password, user == null ? unknownUserHash : user.encodedPassword());
        if (user == null || !matches) {
            return Optional.empty();
        }
        Account account = new Account(name, user.roles(), false);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(attempt, account);
        return Optional.of(account);
    }

    /**
     * Everyone who signs in with a name and a password, with their roles: for a node that serves a session another
     * node signed in (the session's subject names only the user), never to sign anyone in.
     */
    public List<Account> people() {
        return users.entrySet().stream()
                .map(user -> new Account(user.getKey(), user.getValue().roles(), false))
                .toList();
    }

    /** The machine this key belongs to. Every configured key is compared, each in constant time. */
    public Optional<Account> byApiKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(key);
        Account found = null;
        for (Map.Entry<String, StoredKey> stored : keys.entrySet()) {
            if (MessageDigest.isEqual(digest, stored.getValue().sha256()) && found == null) {
                found = new Account(stored.getKey(), stored.getValue().roles(), true);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The secret every node of this cluster presents to join it. */
    public String clusterSecret() {
        return clusterSecret;
    }

    /** The credentials this start created, to be shown once; empty on every later start. */
    public Optional<FirstStartCredentials.Created> createdNow() {
        return Optional.ofNullable(created);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }

    private static Set<Role> roles(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
