package org.nanum.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.nanum.testsupport.NanumDeployment.as;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Only tokens that Keycloak signed, for Nanum, and still valid, get in. */
@ExtendWith(ArquillianExtension.class)
class TokenIT {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void a_valid_token_gets_in() {
        as(Keycloak.token("ben", "ben")).get("/api/me").then().statusCode(200).body("username", equalTo("ben"));
    }

    @Test
    void a_token_whose_claims_were_changed_is_refused() {
        String[] parts = Keycloak.token("ana", "ana").split("\\.");
        JsonObject claims = parse(parts[1]);
        JsonObject forged = with(claims, "groups", Json.createArrayBuilder().add("resident").add("staff").build());
        String token = parts[0] + "." + B64.encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        refused(token, "/api/me");
        refused(token, "/api/residents/anyone");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() throws Exception {
        String[] parts = Keycloak.token("ana", "ana").split("\\.");
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String signingInput = parts[0] + "." + parts[1];
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(other.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        refused(signingInput + "." + B64.encodeToString(rs256.sign()), "/api/me");
    }

    @Test
    void an_unsigned_token_is_refused() {
        String[] parts = Keycloak.token("ana", "ana").split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(header + "." + parts[1] + ".", "/api/me");
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        // The test server allows 2 s of clock skew (NANUM_JWT_CLOCK_SKEW in ./nanum test).
        String client = Keycloak.newClient(true, 1);
        Keycloak.Person p = Keycloak.newPerson();
        String token = Keycloak.token(client, p.username(), p.password());
        long exp = parse(token.split("\\.")[1]).getJsonNumber("exp").longValue();
        long waitMillis = (exp + 2 + 2) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            Thread.sleep(Math.min(waitMillis, 15_000));
        }
        refused(token, "/api/me");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String client = Keycloak.newClient(false, 300);
        Keycloak.Person p = Keycloak.newPerson();
        String token = Keycloak.token(client, p.username(), p.password());
        // The same person with a token from a client that does carry Nanum's audience gets in.
        as(Keycloak.token(Keycloak.newClient(true, 300), p.username(), p.password())).get("/api/me").then().statusCode(200);
        refused(token, "/api/me");
    }

    @Test
    void a_token_from_another_realm_is_refused() {
        // Same Keycloak, same key type, another issuer: the master realm's admin token.
        String[] parts = Keycloak.token("ana", "ana").split("\\.");
        JsonObject claims = with(parse(parts[1]), "iss", Json.createValue(Keycloak.issuer().replace("/nanum", "/master")));
        refused(parts[0] + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                "/api/me");
    }

    private static void refused(String token, String path) {
        as(token).get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:unauthenticated"));
    }

    private static JsonObject parse(String base64Json) {
        return Json.createReader(new StringReader(new String(D64.decode(base64Json), StandardCharsets.UTF_8))).readObject();
    }

    private static JsonObject with(JsonObject claims, String name, JsonValue value) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : claims.entrySet()) {
            b.add(e.getKey(), e.getKey().equals(name) ? value : e.getValue());
        }
        return b.build();
    }
}
