package org.nanum.residents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nanum's side of Keycloak's admin API, with the confidential client {@code nanum-server} (client
 * credentials; its service account may view and manage users, nothing else): who a person is (their
 * name and email are not in the access tokens Nanum receives, so that no log of a rejected token
 * can hold them), and the deletion of an erased resident's account. Its secret comes from the
 * environment (NANUM_KEYCLOAK_ADMIN_CLIENT_SECRET); without it Nanum says so. Never logs who.
 */
@ApplicationScoped
public class KeycloakAccounts {
    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "nanum.jwt.issuer")
    String issuer;
    @Inject
    @ConfigProperty(name = "nanum.keycloak.admin.client-id", defaultValue = "nanum-server")
    String clientId;
    @Inject
    @ConfigProperty(name = "nanum.keycloak.admin.client-secret")
    Optional<String> clientSecret;

    private volatile String adminToken;
    private volatile long adminTokenUntil;

    /** A person as Keycloak keeps them. */
    public record Profile(String username, String firstName, String lastName, String email, boolean emailVerified) {
        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return name.isEmpty() ? username : name;
        }
    }

    /** Who the account with this subject is; empty when Keycloak cannot say (not configured, unreachable, no such account). */
    public Optional<Profile> profile(String subject) {
        try {
            String token = adminToken();
            if (token == null) {
                return Optional.empty();
            }
            HttpResponse<String> user = HTTP.send(HttpRequest.newBuilder(URI.create(adminBase() + "/users/"
                            + URLEncoder.encode(subject, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (user.statusCode() != 200) {
                if (user.statusCode() == 401) {
                    adminTokenUntil = 0;
                }
                return Optional.empty();
            }
            JsonObject json = Json.createReader(new StringReader(user.body())).readObject();
            return Optional.of(new Profile(json.getString("username", null), json.getString("firstName", null),
                    json.getString("lastName", null), json.getString("email", null), json.getBoolean("emailVerified", false)));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.fine("Keycloak could not say who a person is: " + e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The admin client's token, kept until a little before it expires. */
    private String adminToken() throws java.io.IOException, InterruptedException {
        if (!isConfigured()) {
            return null;
        }
        if (adminToken != null && System.currentTimeMillis() < adminTokenUntil) {
            return adminToken;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret.orElseThrow(), StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            LOG.warning("Keycloak refused Nanum's admin client (HTTP " + token.statusCode() + "); check nanum-server's secret");
            return null;
        }
        JsonObject json = Json.createReader(new StringReader(token.body())).readObject();
        adminToken = json.getString("access_token");
        adminTokenUntil = System.currentTimeMillis() + Math.max(0, json.getInt("expires_in", 60) - 30) * 1000L;
        return adminToken;
    }

    private String adminBase() {
        return issuer.replaceFirst("/realms/([^/]+)$", "/admin/realms/$1");
    }

    public boolean isConfigured() {
        return clientSecret.filter(s -> !s.isBlank()).isPresent();
    }

    /** Deletes the account; true when it is gone (deleted now, or already), false when Keycloak could not be asked. */
    public boolean delete(String subject) {
        if (!isConfigured()) {
            return false;
        }
        try {
            String token = adminToken();
            if (token == null) {
                return false;
            }
            HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(adminBase() + "/users/"
                            + URLEncoder.encode(subject, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (deleted.statusCode() == 204 || deleted.statusCode() == 404) {
                return true;
            }
            LOG.warning("Keycloak did not delete an erased resident's account (HTTP " + deleted.statusCode() + "); retried");
            return false;
        } catch (java.io.IOException e) {
            LOG.warning("Keycloak could not be reached to delete an erased resident's account; retried: " + e.getClass().getName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
