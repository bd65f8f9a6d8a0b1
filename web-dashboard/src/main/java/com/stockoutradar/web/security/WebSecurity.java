package com.stockoutradar.web.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.metrics.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stockoutradar.grid.security.Role;

/**
 * Who may call what, on every HTTP endpoint. People sign in on the login page (a session, CSRF tokens on every form)
 * or send HTTP Basic; machines send {@code Authorization: Bearer <API key>}. Anonymous callers get 401 (pages: the
 * login page), callers without the role 403, both as problem+json. Only {@code /actuator/health} (its status) and
 * the login page's own assets are open; the API's description and Swagger UI are for anyone signed in.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {
    private static final String BEARER = "Bearer ";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AccountAuthentication accounts, ObjectMapper json)
            throws Exception {
        AuthenticationManager manager = new ProviderManager(accounts);
        Refusals refusals = new Refusals(json);
        http.authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                        .hasRole(Role.METRICS.name())
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(POST, "/sale", "/restock", "/sales").hasRole(Role.INGEST.name())
                        .requestMatchers(PUT, "/inventory/*").hasRole(Role.INVENTORY.name())
                        .requestMatchers(POST, "/inventory/import").hasRole(Role.INVENTORY.name())
                        .requestMatchers(POST, "/api/risk/refresh", "/refresh", "/api/backtest")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(GET, "/", "/products/**", "/api/**", "/inventory/**")
                        .hasRole(Role.VIEWER.name())
                        // the API's description is for anyone who may call some of it
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        .anyRequest().authenticated())
                .addFilterBefore(apiKeys(manager, refusals), BasicAuthenticationFilter.class)
                .addFilterAfter(new Audit(), AuthorizationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, why) -> {
                            Audit.refused(request, 302, "sign-in of '" + request.getParameter("username")
                                    + "' failed: " + why.getMessage());
                            new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(
                                    request, response, why);
                        }))
                // a handler of its own: the default answers 204 to anything that does not ask for HTML
                .logout(logout -> logout.logoutSuccessHandler(signedOut()))
                // Requests that carry their own credentials are not sent by a browser on its own: no CSRF token.
                // A browser's session (the login page) needs one on every form.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals));
        return http.build();
    }

    private static SimpleUrlLogoutSuccessHandler signedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?signed-out");
        return handler;
    }

    /** ADMIN may do everything any other role may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        String[] others = Arrays.stream(Role.values()).filter(role -> role != Role.ADMIN).map(Role::name)
                .toArray(String[]::new);
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(others).build();
    }

    /** Checks {@code Authorization: Bearer <key>}; requests without it pass on to HTTP Basic, the session or 401. */
    private static AuthenticationFilter apiKeys(AuthenticationManager manager, Refusals refusals) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? new ApiKeyToken(header.substring(BEARER.length()).strip()) : null;
        });
        filter.setSuccessHandler((request, response, authentication) -> {
            // the request goes on to its endpoint; no redirect, no session
        });
        filter.setFailureHandler(refusals::commence);
        return filter;
    }
}
