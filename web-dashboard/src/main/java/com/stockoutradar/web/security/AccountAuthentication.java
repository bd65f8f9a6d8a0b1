package com.stockoutradar.web.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.stockoutradar.grid.security.Account;
import com.stockoutradar.grid.security.Accounts;
import com.stockoutradar.grid.security.Role;

/**
 * Checks a person's name and password (login form and HTTP Basic) or a machine's API key (Bearer) against the
 * configured {@link Accounts}; a signed-in caller carries its roles as {@code ROLE_*} authorities.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {
    private final Accounts accounts;

    AccountAuthentication(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Account account;
        if (attempt instanceof ApiKeyToken key) {
            account = accounts.byApiKey(key.key())
                    .orElseThrow(() -> new BadCredentialsException("unknown API key"));
        } else {
            account = accounts.signIn(attempt.getName(), String.valueOf(attempt.getCredentials()))
                    .orElseThrow(() -> new BadCredentialsException("wrong user name or password"));
        }
        List<SimpleGrantedAuthority> roles = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(authority(role))).toList();
        return UsernamePasswordAuthenticationToken.authenticated(account, null, roles);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApiKeyToken.class.isAssignableFrom(type)
                || UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    static String authority(Role role) {
        return "ROLE_" + role.name();
    }
}
