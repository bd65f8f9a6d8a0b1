package com.stockoutradar.grid.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the system. With no user and no API key configured, the first start creates an {@code admin} user and
 * an ingestion key and keeps their hashes in {@code directory}.
 *
 * @param users         people, by name: a password in one of Spring Security's encoded forms ({@code {bcrypt}…},
 *                      {@code {noop}…} for tests) and their roles
 * @param apiKeys       machines, by name: a key sent as {@code Authorization: Bearer <key>}, and its roles
 * @param clusterSecret what a node must prove to join the cluster (servers and the web application's client node
 *                      alike); none configured: one generated in {@code directory} on the first start, so a
 *                      cluster formed without it is this process alone
 * @param directory     where generated credentials are kept (hashes only, readable by the owner only)
 */
@ConfigurationProperties("radar.security")
public record SecurityProperties(
        Map<String, User> users,
        Map<String, ApiKey> apiKeys,
        String clusterSecret,
        Path directory) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }

    /** A person: an encoded password and roles (a comma list in properties). */
    public record User(String password, Set<Role> roles) {
    }

    /** A machine: its key in plain text, as it is sent, and roles. */
    public record ApiKey(String key, Set<Role> roles) {
    }
}
