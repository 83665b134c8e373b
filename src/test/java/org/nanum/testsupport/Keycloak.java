package org.nanum.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The real Keycloak that ./nanum test started: tokens for the demo people through the
 * nanum-cli client, and fresh people and clients made through the admin API so that each test
 * owns the residents it changes.
 */
public final class Keycloak {
    public static final String REALM = "nanum";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String adminToken;
    private static Instant adminTokenTakenAt = Instant.EPOCH;

    private Keycloak() {
    }

    /** A person made for one test, with the password grant's token at hand. */
    public record Person(String id, String username, String password) {
        public String token() {
            return Keycloak.token(username, password);
        }
    }

    public static String issuer() {
        return TestEnvironment.keycloakUrl() + "/realms/" + REALM;
    }

    public static String token(String username, String password) {
        return token("nanum-cli", username, password);
    }

    public static String token(String clientId, String username, String password) {
        JsonObject json = post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", password), null);
        return json.getString("access_token");
    }

    /** A new account in the realm, with the default role (resident) plus the roles named. */
    public static Person newPerson(String... extraRoles) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        String password = "pw-" + UUID.randomUUID();
        JsonObject user = Json.createObjectBuilder()
                .add("username", username).add("enabled", true).add("emailVerified", true)
                .add("firstName", "Test").add("lastName", username).add("email", username + "@test.nanum.local")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", password).add("temporary", false)))
                .build();
        HttpResponse<String> created = admin("POST", "/users", user.toString());
        expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (extraRoles.length > 0) {
            var roles = Json.createArrayBuilder();
            for (String role : extraRoles) {
                HttpResponse<String> r = admin("GET", "/roles/" + role, null);
                expect(r, 200);
                roles.add(Json.createReader(new StringReader(r.body())).readObject());
            }
            expect(admin("POST", "/users/" + id + "/role-mappings/realm", roles.build().toString()), 204);
        }
        return new Person(id, username, password);
    }

    /**
     * A public client with password grants, for token tests: with or without Nanum's audience,
     * and with its own access-token lifespan.
     */
    public static String newClient(boolean withNanumAudience, int accessTokenLifespanSeconds) {
        String clientId = "test-client-" + UUID.randomUUID().toString().substring(0, 8);
        var mappers = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("name", "groups").add("protocol", "openid-connect")
                .add("protocolMapper", "oidc-usermodel-realm-role-mapper")
                .add("config", Json.createObjectBuilder().add("claim.name", "groups").add("multivalued", "true")
                        .add("access.token.claim", "true")));
        if (withNanumAudience) {
            mappers.add(Json.createObjectBuilder().add("name", "aud").add("protocol", "openid-connect")
                    .add("protocolMapper", "oidc-audience-mapper")
                    .add("config", Json.createObjectBuilder().add("included.custom.audience", "nanum-api")
                            .add("access.token.claim", "true")));
        }
        JsonObjectBuilder client = Json.createObjectBuilder().add("clientId", clientId).add("enabled", true)
                .add("publicClient", true).add("directAccessGrantsEnabled", true).add("standardFlowEnabled", false)
                .add("defaultClientScopes", Json.createArrayBuilder().add("web-origins").add("acr").add("roles").add("basic"))
                .add("protocolMappers", mappers)
                .add("attributes", Json.createObjectBuilder()
                        .add("access.token.lifespan", String.valueOf(accessTokenLifespanSeconds)));
        expect(admin("POST", "/clients", client.build().toString()), 201);
        return clientId;
    }

    /**
     * A confidential client with a service account holding the realm roles named (as the import
     * tool's nanum-import client in the production realm), and a token it gets with its own
     * credentials (client_credentials): a program, not a person.
     */
    public static String serviceAccountToken(String... roles) {
        String clientId = "test-service-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "secret-" + UUID.randomUUID();
        var mappers = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("name", "groups").add("protocol", "openid-connect")
                .add("protocolMapper", "oidc-usermodel-realm-role-mapper")
                .add("config", Json.createObjectBuilder().add("claim.name", "groups").add("multivalued", "true")
                        .add("access.token.claim", "true")))
                .add(Json.createObjectBuilder().add("name", "aud").add("protocol", "openid-connect")
                        .add("protocolMapper", "oidc-audience-mapper")
                        .add("config", Json.createObjectBuilder().add("included.custom.audience", "nanum-api")
                                .add("access.token.claim", "true")));
        JsonObject client = Json.createObjectBuilder().add("clientId", clientId).add("enabled", true)
                .add("publicClient", false).add("secret", secret).add("serviceAccountsEnabled", true)
                .add("standardFlowEnabled", false).add("directAccessGrantsEnabled", false)
                .add("defaultClientScopes", Json.createArrayBuilder().add("web-origins").add("acr").add("roles").add("basic"))
                .add("protocolMappers", mappers).build();
        HttpResponse<String> created = admin("POST", "/clients", client.toString());
        expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String internalId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> user = admin("GET", "/clients/" + internalId + "/service-account-user", null);
        expect(user, 200);
        String userId = Json.createReader(new StringReader(user.body())).readObject().getString("id");
        var granted = Json.createArrayBuilder();
        for (String role : roles) {
            HttpResponse<String> r = admin("GET", "/roles/" + role, null);
            expect(r, 200);
            granted.add(Json.createReader(new StringReader(r.body())).readObject());
        }
        expect(admin("POST", "/users/" + userId + "/role-mappings/realm", granted.build().toString()), 204);
        return post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret), null).getString("access_token");
    }

    /** The realm's public signing keys, as Keycloak publishes them. */
    public static JsonArray jwks() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            expect(r, 200);
            return Json.createReader(new StringReader(r.body())).readObject().getJsonArray("keys");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String adminToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenTakenAt.plusSeconds(30))) {
            JsonObject json = post(TestEnvironment.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                            "password", TestEnvironment.keycloakAdminPassword()), null);
            adminToken = json.getString("access_token");
            adminTokenTakenAt = Instant.now();
        }
        return adminToken;
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestEnvironment.keycloakUrl() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak admin call failed: " + method + " " + path, e);
        }
    }

    private static JsonObject post(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            expect(r, 200);
            return Json.createReader(new StringReader(r.body())).readObject();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Keycloak call failed: " + url, e);
        }
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + r.statusCode() + " to " + r.request().method() + " "
                    + r.uri() + " (expected " + status + "): " + r.body());
        }
    }
}
