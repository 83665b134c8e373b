package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The realm files in keycloak/: the demo realm has its people; the production one has none. */
class RealmFilesTest {
    private static JsonObject realm(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of("keycloak", file))) {
            return Json.createReader(r).readObject();
        }
    }

    private static JsonObject client(JsonObject realm, String id) {
        return realm.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("clientId").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void the_demo_realm_has_five_people_with_their_roles() throws IOException {
        JsonObject demo = realm("nanum-realm.json");
        Map<String, List<String>> roles = new TreeMap<>();
        for (JsonObject u : demo.getJsonArray("users").getValuesAs(JsonObject.class)) {
            if (u.containsKey("serviceAccountClientId")) {
                continue;
            }
            roles.put(u.getString("username"), u.getJsonArray("realmRoles").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).filter(r -> !r.startsWith("default")).sorted()
                    .collect(Collectors.toList()));
            JsonObject credential = u.getJsonArray("credentials").getJsonObject(0);
            assertEquals(u.getString("username"), credential.getString("value"), "demo password = username");
        }
        assertEquals(Map.of("ada", List.of("admin"), "ana", List.of(), "ben", List.of(), "cleo", List.of("council"),
                "sam", List.of("staff")), roles);
        assertTrue(demo.getBoolean("registrationAllowed"));
        assertTrue(client(demo, "nanum-cli").getBoolean("directAccessGrantsEnabled"));
        JsonObject web = client(demo, "nanum-web");
        assertTrue(web.getBoolean("publicClient"));
        assertFalse(web.getBoolean("directAccessGrantsEnabled"));
        assertEquals("S256", web.getJsonObject("attributes").getString("pkce.code.challenge.method"));
    }

    /**
     * Access tokens carry no name and no email (no "profile" or "email" scope), so that no log of a
     * rejected token can hold them; the web interface has the name in its ID token; Nanum reads the
     * rest from Keycloak with nanum-server, whose service account may view and manage users only.
     */
    @Test
    void access_tokens_carry_no_name_or_email_and_nanum_server_only_manages_users() throws IOException {
        for (String file : List.of("nanum-realm.json", "nanum-realm-production.json")) {
            JsonObject realm = realm(file);
            for (JsonObject c : realm.getJsonArray("clients").getValuesAs(JsonObject.class)) {
                if (c.getString("clientId").equals("nanum-server")) {
                    continue;
                }
                List<String> scopes = c.getJsonArray("defaultClientScopes").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList();
                assertFalse(scopes.contains("profile") || scopes.contains("email"), file + " " + c.getString("clientId"));
                for (JsonObject m : c.getJsonArray("protocolMappers").getValuesAs(JsonObject.class)) {
                    String claim = m.getJsonObject("config").getString("claim.name", m.getString("protocolMapper"));
                    if (claim.contains("name") || claim.contains("email")) {
                        assertEquals("false", m.getJsonObject("config").getString("access.token.claim"),
                                file + " " + m.getString("name"));
                    }
                }
            }
            JsonObject server = realm.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                    .filter(u -> "nanum-server".equals(u.getString("serviceAccountClientId", ""))).findFirst().orElseThrow();
            assertEquals(Json.createArrayBuilder().add("view-users").add("manage-users").build(),
                    server.getJsonObject("clientRoles").getJsonArray("realm-management"));
            assertFalse(server.containsKey("realmRoles"), "nanum-server's account holds no Nanum role");
        }
    }

    @Test
    void every_account_is_a_resident_by_default() throws IOException {
        for (String file : List.of("nanum-realm.json", "nanum-realm-production.json")) {
            JsonObject realm = realm(file);
            JsonObject defaults = realm.getJsonObject("roles").getJsonArray("realm").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("name").equals("default-roles-nanum")).findFirst().orElseThrow();
            assertTrue(defaults.getJsonObject("composites").getJsonArray("realm").contains(Json.createValue("resident")), file);
        }
    }

    @Test
    void the_production_realm_has_no_passwords_and_no_password_grants() throws IOException {
        JsonObject prod = realm("nanum-realm-production.json");
        for (JsonObject u : prod.getJsonArray("users").getValuesAs(JsonObject.class)) {
            assertTrue(u.containsKey("serviceAccountClientId"), u.getString("username") + " must be a service account");
            assertFalse(u.containsKey("credentials"));
        }
        for (JsonObject c : prod.getJsonArray("clients").getValuesAs(JsonObject.class)) {
            assertFalse(c.getBoolean("directAccessGrantsEnabled", false), c.getString("clientId"));
        }
        assertTrue(client(prod, "nanum-import").getBoolean("serviceAccountsEnabled"));
        assertFalse(prod.getJsonArray("clients").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("clientId").equals("nanum-cli")));
        assertEquals("all", prod.getString("sslRequired"));
        assertTrue(prod.get("users") != JsonValue.NULL);
    }
}
