package com.stockoutradar.grid.security;

import static com.stockoutradar.grid.security.AnalystJdbc.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.stockoutradar.grid.support.TestNode;

/**
 * The thin-client/JDBC port with TLS ({@code radar.grid.client-connector-ssl.*}): an analyst who trusts the node's
 * certificate connects and signs in; a plain connection gets nowhere.
 */
class ClientConnectorTlsIT {
    static final String PASSWORD = "tls-test-secret";

    private final Path directory = Path.of("target/it-data/tls-" + UUID.randomUUID()).toAbsolutePath();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void analystsConnectOverTlsAndAPlainConnectionIsRefused() throws Exception {
        Path keyStore = directory.resolve("node.p12");
        Path trustStore = directory.resolve("analyst-trust.p12");
        Files.createDirectories(directory);
        keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        Path certificate = directory.resolve("node.crt");
        keytool("-exportcert", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "node", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);

        try (TestNode node = TestNode.start(Map.of("radar.grid.client-connector-ssl.key-store", keyStore,
                "radar.grid.client-connector-ssl.key-store-password", PASSWORD))) {
            // The 2.17 driver wants a client key store as soon as any ssl* parameter is set, though the node asks
            // for no client certificate: the trust store serves (docs/analysts.md says so).
            String tls = AnalystJdbc.url(node) + "?sslMode=require"
                    + "&sslTrustCertificateKeyStoreUrl=" + trustStore
                    + "&sslTrustCertificateKeyStorePassword=" + PASSWORD
                    + "&sslTrustCertificateKeyStoreType=PKCS12"
                    + "&sslClientCertificateKeyStoreUrl=" + trustStore
                    + "&sslClientCertificateKeyStorePassword=" + PASSWORD
                    + "&sslClientCertificateKeyStoreType=PKCS12";
            try (Connection jdbc = DriverManager.getConnection(tls, AnalystJdbc.USER, AnalystJdbc.PASSWORD)) {
                assertThat(rows(jdbc, "SELECT COUNT(*) FROM PRODUCT")).containsExactly(List.of(0L));
            }

            assertThatThrownBy(() -> AnalystJdbc.signIn(node).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Failed to connect to Ignite cluster");
        }
    }

    /** The JDK's own keytool, as an operator would run it. */
    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(1, TimeUnit.MINUTES)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }
}
