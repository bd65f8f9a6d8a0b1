package com.stockoutradar.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.stockoutradar.grid.security.Account;

/**
 * The audit trail, a logger of its own ({@code radar.audit}): every refused request, and every write by a person,
 * with who, what, when (the log line's time) and from where. Machines' writes are the ingestion traffic itself, too
 * many to log one by one; their refusals are logged.
 */
final class Audit extends OncePerRequestFilter {
    static final Logger log = LoggerFactory.getLogger("radar.audit");

    static void refused(HttpServletRequest request, int status, String why) {
        log.info("refused {} {} {} from {}: {} {}", who(SecurityContextHolder.getContext().getAuthentication()),
                request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), status, why);
    }

    /** Runs after authorization: only requests that were let through get here. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (isWrite(request) && caller != null && caller.getPrincipal() instanceof Account account
                && !account.machine()) {
            log.info("write by user {}: {} {}{} from {}: {}", account.name(), request.getMethod(),
                    request.getRequestURI(), request.getQueryString() == null ? "" : "?" + request.getQueryString(),
                    request.getRemoteAddr(), response.getStatus());
        }
    }

    private static boolean isWrite(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    static String who(Authentication caller) {
        if (caller != null && caller.getPrincipal() instanceof Account account) {
            return (account.machine() ? "API key " : "user ") + account.name();
        }
        return "anonymous";
    }
}
