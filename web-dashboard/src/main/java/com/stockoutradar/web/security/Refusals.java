package com.stockoutradar.web.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a caller who is not signed in (401) or lacks the role (403) with {@code application/problem+json}, and a
 * browser that opens a dashboard page without a session with the login page. Every refusal goes to the audit log.
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final URI UNAUTHENTICATED = URI.create("https://stockout-radar.dev/problems/unauthenticated");
    private static final URI FORBIDDEN = URI.create("https://stockout-radar.dev/problems/forbidden");

    private final ObjectMapper json;

    Refusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException why)
            throws IOException {
        if (isPageWithoutCredentials(request)) {
            Audit.refused(request, HttpStatus.FOUND.value(), "not signed in: sent to the login page");
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        boolean sentCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String detail = sentCredentials ? why.getMessage()
                : "sign in: Authorization: Bearer <API key>, or HTTP Basic with a user name and password";
        Audit.refused(request, HttpStatus.UNAUTHORIZED.value(), detail);
        // Bearer only: a Basic challenge would make browsers ask for, and then keep sending, a password
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stockout-radar\"");
        write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Not signed in", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException why)
            throws IOException {
        if (why instanceof CsrfException && SecurityContextHolder.getContext().getAuthentication() == null) {
            // the CSRF check comes first; a caller who sent no credentials and has no session is not signed in
            commence(request, response, new InsufficientAuthenticationException(why.getMessage()));
            return;
        }
        String detail = why instanceof CsrfException
                ? "the form's CSRF token is missing or stale: reload the page and send it again"
                : Audit.who(SecurityContextHolder.getContext().getAuthentication()) + " lacks the role for "
                        + request.getMethod() + " " + request.getRequestURI();
        Audit.refused(request, HttpStatus.FORBIDDEN.value(), detail);
        write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A browser opening a dashboard page or Swagger UI: it is shown the login page rather than a 401. */
    private static boolean isPageWithoutCredentials(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (path.equals("/") || path.startsWith("/products/") || path.startsWith("/swagger-ui"));
    }
}
