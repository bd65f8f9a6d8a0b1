package com.stockoutradar.grid;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS on the thin-client/JDBC port: off unless a key store holding the node's private key and certificate is given.
 *
 * @param keyStore         the key store file; none: the port speaks plain TCP
 * @param keyStorePassword its password (also the key's)
 * @param keyStoreType     {@code PKCS12} (what {@code keytool} writes by default) or {@code JKS}
 */
public record ClientConnectorSsl(Path keyStore, String keyStorePassword, @DefaultValue("PKCS12") String keyStoreType) {

    public ClientConnectorSsl {
        if (keyStore != null && keyStorePassword == null) {
            throw new IllegalArgumentException("radar.grid.client-connector-ssl.key-store-password is required with "
                    + "radar.grid.client-connector-ssl.key-store");
        }
    }

    public boolean enabled() {
        return keyStore != null;
    }
}
