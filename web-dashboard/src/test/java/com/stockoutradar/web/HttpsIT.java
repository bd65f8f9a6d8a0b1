package com.stockoutradar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS as the README configures it: a PKCS12 keystore made with the JDK's keytool and {@code server.ssl.*}. The
 * port then speaks TLS only: a client that trusts the certificate gets its answers, plain HTTP gets none of them.
 */
@GridIntegrationTest
class HttpsIT {
    private static final Path KEYSTORE = Path.of("target/it-data/https-" + UUID.randomUUID() + ".p12");
    private static final String KEYSTORE_PASSWORD = UUID.randomUUID().toString();
    private static final String ALIAS = "radar";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void https(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        createKeystore();
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> "file:" + KEYSTORE.toAbsolutePath());
        registry.add("server.ssl.key-store-password", () -> KEYSTORE_PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-alias", () -> ALIAS);
    }

    @Test
    void answersOverTlsToAClientThatTrustsTheCertificate() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(trustingOnly(certificateOfKeystore()))
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> health = trusting.send(get("https://127.0.0.1:" + port + "/actuator/health"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(health.sslSession()).hasValueSatisfying(tls -> assertThat(tls.getProtocol()).startsWith("TLS"));
    }

    @Test
    void servesNothingOverPlainHttp() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(
                get("http://127.0.0.1:" + port + "/actuator/health"), HttpResponse.BodyHandlers.ofString());

        // Tomcat tells a plain-text client that it has come to a TLS port, and serves it nothing else
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("requires TLS").doesNotContain("\"status\"");
    }

    /** As the README says: keytool, a self-signed key pair for 127.0.0.1, in a PKCS12 keystore. */
    private static void createKeystore() throws IOException, InterruptedException {
        Files.createDirectories(KEYSTORE.getParent());
        Path output = KEYSTORE.resolveSibling(KEYSTORE.getFileName() + ".keytool.log");
        Process keytool = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", KEYSTORE.toString(), "-storepass", KEYSTORE_PASSWORD))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
            keytool.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s");
        }
        if (keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + Files.readString(output));
        }
    }

    private static Certificate certificateOfKeystore() throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            keystore.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        return keystore.getCertificate(ALIAS);
    }

    /** Trusts this one certificate and nothing else, as a client given the exported certificate would. */
    private static SSLContext trustingOnly(Certificate certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }
}
