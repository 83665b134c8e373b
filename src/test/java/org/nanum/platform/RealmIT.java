package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.nanum.testsupport.Keycloak;

/** The realm as Keycloak serves it from keycloak/nanum-realm.json: clients, roles, sign-up. */
class RealmIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void demo_people_get_tokens_for_nanum_with_their_roles_in_groups() {
        String sam = claims(Keycloak.token("sam", "sam"));
        assertTrue(sam.contains("\"aud\":[\"nanum-api\"") || sam.contains("\"aud\":\"nanum-api\""), sam);
        assertTrue(sam.matches(".*\"groups\":\\[[^]]*\"staff\".*"), sam);
        assertTrue(sam.matches(".*\"groups\":\\[[^]]*\"resident\".*"), sam);
        assertTrue(sam.contains("\"iss\":\"" + Keycloak.issuer() + "\""), sam);
        String cleo = claims(Keycloak.token("cleo", "cleo"));
        assertTrue(cleo.matches(".*\"groups\":\\[[^]]*\"council\".*"), cleo);
        assertTrue(cleo.matches(".*\"groups\":\\[[^]]*\"resident\".*"), cleo);
        String ada = claims(Keycloak.token("ada", "ada"));
        assertTrue(ada.matches(".*\"groups\":\\[[^]]*\"admin\".*"), ada);
    }

    @Test
    void the_web_client_takes_no_passwords() throws Exception {
        String form = "grant_type=password&client_id=nanum-web&username=ana&password=ana";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Keycloak.issuer()
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("unauthorized_client"), r.body());
    }

    @Test
    void a_newcomer_can_sign_up() throws Exception {
        String redirect = URLEncoder.encode("http://localhost:9080/", StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Keycloak.issuer()
                + "/protocol/openid-connect/registrations?client_id=nanum-web&response_type=code&scope=openid"
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&redirect_uri=" + redirect)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("kc-register-form") || r.body().contains("register"), "no registration form");
        assertTrue(r.body().contains("password-confirm"), "the page is not the registration form");
    }
}
