package com.stockoutradar.grid.store;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.stockoutradar.grid.security.SecurityProperties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default: without {@code spring.datasource.url}, a real PostgreSQL server runs from binaries on the
 * class path with its data under {@code ./data}, and Spring's DataSource, Flyway and the stores connect to it. It asks
 * every connection, over TCP or its Unix socket, for the {@code postgres} password ({@link PostgresPassword}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties settings, SecurityProperties security)
            throws IOException, SQLException {
        Path dataDirectory = settings.dataDirectory();
        Files.createDirectories(dataDirectory);
        ClientAuthentication clientAuthentication = new ClientAuthentication(dataDirectory);
        Path passwordFile = PostgresPassword.file(security.directory());
        requireKnownPassword(dataDirectory, clientAuthentication, passwordFile);
        String password = PostgresPassword.loadOrCreate(passwordFile);
        long started = System.currentTimeMillis();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Spring stops it, after the grid and its outbox writer; a JVM hook of its own could go first
                .setRegisterShutdownHook(false)
                // A new data directory asks for the password from its first start: zonky runs initdb with "-A
                // trust" and hands it these options as --name=value after that, so they win.
                .setLocaleConfig("auth-local", ClientAuthentication.PASSWORD_METHOD)
                .setLocaleConfig("auth-host", ClientAuthentication.PASSWORD_METHOD)
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                // zonky's readiness probe connects as postgres; a server that still trusts ignores the password
                .setConnectConfig("password", password);
        if (settings.port() > 0) {
            requireFree(settings.port());
            builder.setPort(settings.port());
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            if (clientAuthentication.trustsAnyone()) {
                requirePassword(postgres, clientAuthentication, password);
                log.info("the embedded PostgreSQL in {} trusted every local connection; it now asks for the password",
                        dataDirectory.toAbsolutePath());
            }
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        log.info("embedded PostgreSQL on port {} with data in {} started in {} ms", postgres.getPort(),
                dataDirectory.toAbsolutePath(), System.currentTimeMillis() - started);
        return postgres;
    }

    /**
     * A new password would lock the node out of a data directory that asks for the one it has: better a clear
     * refusal than PostgreSQL's "password authentication failed" after the start-up probe's 10 s.
     */
    private static void requireKnownPassword(Path dataDirectory, ClientAuthentication clientAuthentication,
                                             Path passwordFile) {
        if (clientAuthentication.exists() && !clientAuthentication.trustsAnyone() && !Files.exists(passwordFile)) {
            throw new IllegalStateException("the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                    + " asks for a password, but " + passwordFile.toAbsolutePath() + " that holds it is missing: put"
                    + " it back, or change the method of the rules in pg_hba.conf there to trust, and the next"
                    + " start sets a new password");
        }
    }

    /**
     * A data directory of an earlier version trusted every local connection: the postgres user gets the password,
     * then the server asks every new connection for it.
     */
    private static void requirePassword(EmbeddedPostgres postgres, ClientAuthentication clientAuthentication,
                                        String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // the driver sends a SCRAM verifier computed here: the password itself never reaches the server's log
            connection.unwrap(PGConnection.class).alterUserPassword(EmbeddedPostgresConnection.USER,
                    password.toCharArray(), ClientAuthentication.PASSWORD_METHOD);
            clientAuthentication.requirePasswords();
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * The server would otherwise be taken as started when anything answers on the port, such as a PostgreSQL a
     * killed earlier run left behind on another data directory.
     */
    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " for the embedded PostgreSQL is in use: another "
                    + "PostgreSQL (perhaps one a killed run left behind) is listening there; stop it or set "
                    + "radar.embedded-postgres.port", e);
        }
    }

    /** Boot builds the pool (with the spring.datasource.hikari settings) from these details. */
    @Bean
    EmbeddedPostgresConnection embeddedPostgresConnection(EmbeddedPostgres postgres, SecurityProperties security) {
        Path passwordFile = PostgresPassword.file(security.directory());
        return new EmbeddedPostgresConnection(postgres.getPort(), PostgresPassword.loadOrCreate(passwordFile),
                passwordFile);
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
