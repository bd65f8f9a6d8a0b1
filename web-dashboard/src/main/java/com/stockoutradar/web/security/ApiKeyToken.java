package com.stockoutradar.web.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as sent in {@code Authorization: Bearer <key>}, before it is checked. */
final class ApiKeyToken extends AbstractAuthenticationToken {
    private final String key;

    ApiKeyToken(String key) {
        super(List.of());
        this.key = key;
    }

    String key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "API key";
    }
}
