package org.nanum.residents;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** GET /api/me and choosing a district: the pattern later capabilities copy. */
@ExtendWith(ArquillianExtension.class)
class MeIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void ana_from_the_demo_city_sees_herself() {
        as(Keycloak.token("ana", "ana")).get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo("ana"))
                .body("displayName", equalTo("Ana Kim"))
                .body("district.code", equalTo("mapo"))
                .body("district.nameKo", equalTo("마포구"))
                .body("roles", containsInAnyOrder("resident"));
    }

    @Test
    void staff_see_their_roles_without_keycloak_internals() {
        as(Keycloak.token("sam", "sam")).get("/api/me").then()
                .statusCode(200)
                .body("roles", containsInAnyOrder("resident", "staff"));
    }

    @Test
    void without_a_token_the_answer_is_a_401_problem() {
        as(null).get("/api/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:nanum:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void a_first_sign_in_creates_the_resident_from_the_token() {
        Keycloak.Person newcomer = Keycloak.newPerson();
        assertNull(Database.residentBySubject(newcomer.id()), "no resident before the first sign-in");

        as(newcomer.token()).get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo(newcomer.username()))
                .body("email", equalTo(newcomer.username() + "@test.nanum.local"))
                .body("residencyVerified", equalTo(false));

        var row = Database.residentBySubject(newcomer.id());
        assertEquals(newcomer.username(), row.get("username"));
        assertEquals("Test " + newcomer.username(), row.get("display_name"));
        assertNull(row.get("district_code"));
    }

    @Test
    void concurrent_first_requests_create_one_resident() throws Exception {
        Keycloak.Person newcomer = Keycloak.newPerson();
        String token = newcomer.token();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> as(token).get("/api/me").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count("select count(*) from resident where subject = ?", newcomer.id()));
    }

    @Test
    void a_resident_chooses_their_district() {
        Keycloak.Person p = Keycloak.newPerson();
        as(p.token()).contentType(ContentType.JSON).body("{\"district\":\"gangnam\"}")
                .put("/api/me/district").then()
                .statusCode(200)
                .body("district.code", equalTo("gangnam"))
                .body("district.nameEn", equalTo("Gangnam-gu"));
        assertEquals("gangnam", Database.residentBySubject(p.id()).get("district_code"));
    }

    @Test
    void an_unknown_district_is_a_400_naming_the_field_and_changes_nothing() {
        Keycloak.Person p = Keycloak.newPerson();
        String token = p.token();
        as(token).contentType(ContentType.JSON).body("{\"district\":\"mapo\"}").put("/api/me/district")
                .then().statusCode(200);

        as(token).contentType(ContentType.JSON).body("{\"district\":\"atlantis\"}")
                .put("/api/me/district").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:invalid-request"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("district"));
        assertEquals("mapo", Database.residentBySubject(p.id()).get("district_code"));
    }

    @Test
    void a_malformed_body_is_a_400_problem_and_changes_nothing() {
        Keycloak.Person p = Keycloak.newPerson();
        String token = p.token();
        as(token).contentType(ContentType.JSON).body("{\"district\":\"mapo\"}").put("/api/me/district")
                .then().statusCode(200);

        as(token).contentType(ContentType.JSON).body("{\"district\": ")
                .put("/api/me/district").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:malformed-body"));
        assertEquals("mapo", Database.residentBySubject(p.id()).get("district_code"));
    }

    @Test
    void a_missing_field_or_body_names_what_is_missing() {
        String token = Keycloak.newPerson().token();
        as(token).contentType(ContentType.JSON).body("{}").put("/api/me/district").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("district"));
        as(token).contentType(ContentType.JSON).put("/api/me/district").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        as(Keycloak.newPerson().token()).contentType(ContentType.TEXT).body("mapo")
                .put("/api/me/district").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:unsupported-media-type"));
    }
}
