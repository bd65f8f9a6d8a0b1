package com.stockoutradar.grid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.stockoutradar.grid.security.SecurityProperties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL, started as a node starts it, asks every connection for the {@code postgres} password
 * that its first start wrote to {@code <radar.security.directory>/postgres-password}; restarts keep that password,
 * and a data directory made by an earlier version, which trusted every local connection, asks for it from its next
 * start on.
 */
class EmbeddedPostgresPasswordIT {
    /** PostgreSQL's code for a wrong password. */
    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    Path work;

    private Path dataDirectory() {
        return work.resolve("postgres");
    }

    private Path passwordFile() {
        return work.resolve("security").resolve("postgres-password");
    }

    /** The embedded PostgreSQL of a node, on this test's directories, on a free port. */
    private ApplicationContextRunner node() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedPostgresConfiguration.class)
                .withBean(EmbeddedPostgresProperties.class, () -> new EmbeddedPostgresProperties(dataDirectory(), 0))
                .withBean(SecurityProperties.class, () -> new SecurityProperties(null, null, null,
                        work.resolve("security")));
    }

    @Test
    void refusesAConnectionWithoutThePasswordOrWithAWrongOne() {
        node().run(context -> {
            EmbeddedPostgresConnection postgres = context.getBean(EmbeddedPostgresConnection.class);
            String password = Files.readString(passwordFile()).strip();

            assertThatThrownBy(() -> selectOne(postgres, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> selectOne(postgres, "not-" + password)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(INVALID_PASSWORD);
            assertThat(selectOne(postgres, password)).isEqualTo(1);
            assertThat(postgres.getPassword()).as("what the node's pool signs in with").isEqualTo(password);
        });
    }

    @Test
    void keepsThePasswordInAFileOnlyItsOwnerReadsAndAsAScramVerifierInTheServer() {
        node().run(context -> {
            EmbeddedPostgresConnection postgres = context.getBean(EmbeddedPostgresConnection.class);

            assertThat(postgres.passwordFile()).isEqualTo(passwordFile());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())))
                    .isEqualTo("rw-------");
            assertThat(postgres.getPassword()).matches("[A-Za-z0-9_-]{32}");
            assertThat(query(postgres, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
                    .singleElement().asString().startsWith("SCRAM-SHA-256$");
            assertThat(query(postgres, "SELECT DISTINCT auth_method FROM pg_hba_file_rules"))
                    .as("over TCP and over the Unix socket").containsExactly("scram-sha-256");
        });
    }

    @Test
    void aRestartOnTheSameDataKeepsThePassword() {
        List<String> passwords = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            node().run(context -> {
                EmbeddedPostgresConnection postgres = context.getBean(EmbeddedPostgresConnection.class);
                assertThat(selectOne(postgres, postgres.getPassword())).isEqualTo(1);
                assertThatThrownBy(() -> selectOne(postgres, null)).isInstanceOf(SQLException.class);
                passwords.add(postgres.getPassword());
            });
        }

        assertThat(passwords).hasSize(2).containsOnly(passwords.get(0));
    }

    @Test
    void aDataDirectoryThatTrustedEveryLocalConnectionAsksForThePasswordFromItsNextStart() throws Exception {
        // what earlier versions made: zonky's initdb with trust, no password file
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false).start()) {
            try (Connection anyone = earlier.getPostgresDatabase().getConnection()) {
                assertThat(anyone.isValid(5)).as("trusted without a password").isTrue();
            }
        }
        assertThat(passwordFile()).doesNotExist();

        node().run(context -> {
            EmbeddedPostgresConnection postgres = context.getBean(EmbeddedPostgresConnection.class);

            assertThatThrownBy(() -> selectOne(postgres, null)).isInstanceOf(SQLException.class);
            assertThat(selectOne(postgres, Files.readString(passwordFile()).strip())).isEqualTo(1);
            assertThat(query(postgres, "SELECT DISTINCT auth_method FROM pg_hba_file_rules"))
                    .containsExactly("scram-sha-256");
        });
        node().run(context -> assertThat(selectOne(context.getBean(EmbeddedPostgresConnection.class),
                Files.readString(passwordFile()).strip())).as("and after another restart").isEqualTo(1));
    }

    @Test
    void refusesToStartWhenTheFileWithThePasswordIsGone() throws Exception {
        node().run(context -> assertThat(context).hasNotFailed());
        Files.delete(passwordFile());

        node().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining(passwordFile().toAbsolutePath().toString())
                .hasMessageContaining("pg_hba.conf"));
        assertThat(passwordFile()).as("no new password that the data would not take").doesNotExist();
    }

    private static int selectOne(EmbeddedPostgresConnection postgres, String password) throws SQLException {
        try (Connection connection = connect(postgres, password); Statement statement = connection.createStatement();
             ResultSet one = statement.executeQuery("SELECT 1")) {
            one.next();
            return one.getInt(1);
        }
    }

    private static List<String> query(EmbeddedPostgresConnection postgres, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(postgres, postgres.getPassword());
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect(EmbeddedPostgresConnection postgres, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", postgres.getUsername());
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return DriverManager.getConnection(postgres.getJdbcUrl(), credentials);
    }
}
