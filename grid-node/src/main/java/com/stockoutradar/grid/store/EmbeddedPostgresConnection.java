package com.stockoutradar.grid.store;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/**
 * How Spring's pool, Flyway and the stores reach the embedded PostgreSQL, as its {@code postgres} superuser; and
 * where a person finds the password to do the same with psql.
 */
public final class EmbeddedPostgresConnection implements JdbcConnectionDetails {
    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final int port;
    private final String password;
    private final Path passwordFile;

    EmbeddedPostgresConnection(int port, String password, Path passwordFile) {
        this.port = port;
        this.password = password;
        this.passwordFile = passwordFile;
    }

    @Override
    public String getUsername() {
        return USER;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The file that holds the password, readable by its owner only. */
    public Path passwordFile() {
        return passwordFile;
    }

    @Override
    public String toString() {
        return getJdbcUrl() + " as " + USER + " (password in " + passwordFile + ")"; // never the password itself
    }
}
