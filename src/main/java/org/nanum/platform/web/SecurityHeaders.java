package org.nanum.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every answer, the web interface's and the API's. A strict Content Security
 * Policy: scripts, styles and images only from Nanum itself (photos shown through blob: URLs),
 * connections to Nanum and to the realm's Keycloak (sign-in and token refresh), no framing by
 * anyone, no plugins, no base tag. And CORS only for the origins a city configures
 * ({@code NANUM_CORS_ORIGINS}, comma-separated; none by default: the web interface is same-origin).
 */

public class SecurityHeaders extends HttpFilter {
    @Inject
    @ConfigProperty(name = "nanum.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "nanum.cors.origins")
    Optional<String> corsOrigins;

    private String policy;
    private Set<String> allowedOrigins;

    @Override
    public void init() {
        URI realm = URI.create(issuer);
        String keycloak = realm.getScheme() + "://" + realm.getAuthority();
        policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
                + "connect-src 'self' " + keycloak + "; form-action 'self' " + keycloak + "; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
        allowedOrigins = corsOrigins.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Calendar feed addresses carry their secret in the path: never in a Referer.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "geolocation=(self), camera=(), microphone=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Vary", "Origin");
            if ("OPTIONS".equals(request.getMethod())) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
                response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
