package com.stockoutradar.web.alerts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a receiver checks a delivery by: the HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret. */
final class Signature {
    static final String HEADER = "X-Radar-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Signature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(UTF_8), ALGORITHM);
    }

    /** The header's value: {@code sha256=<hex>}. */
    String of(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, and cheap to make
            mac.init(key);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
