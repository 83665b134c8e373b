package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

@ExtendWith(ArquillianExtension.class)
class HouseholdIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String start(String token, String name) {
        return as(token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/api/households").then().statusCode(201)
                .header("Location", equalTo(NanumDeployment.baseUrl() + "/api/households/mine"))
                .body("name", equalTo(name))
                .extract().path("id");
    }

    private static String invite(String token) {
        return as(token).post("/api/households/mine/invitation").then().statusCode(200)
                .body("invitationCode", matchesPattern("[A-HJKMNP-Z2-9]{10}"))
                .extract().path("invitationCode");
    }

    @Test
    void a_family_starts_a_household_invites_and_is_joined() {
        Keycloak.Person parent = Keycloak.newPerson();
        Keycloak.Person partner = Keycloak.newPerson();
        String parentToken = parent.token();
        String partnerToken = partner.token();
        String id = start(parentToken, "Kwon family");
        String code = invite(parentToken);

        // Codes are read aloud and typed: case, spaces and dashes do not matter.
        String typed = code.substring(0, 5).toLowerCase() + "-" + code.substring(5);
        as(partnerToken).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + typed + "\"}")
                .post("/api/households/join").then().statusCode(200)
                .body("id", equalTo(id))
                .body("members", hasSize(2));

        as(parentToken).get("/api/households/mine").then().statusCode(200).body("members", hasSize(2));
        assertEquals(id, Database.residentBySubject(partner.id()).get("household_id"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'household.joined' "
                + "and target_id = ? and actor_id = ?", id, Database.residentBySubject(partner.id()).get("id")));
    }

    @Test
    void a_resident_in_a_household_cannot_start_or_join_another() {
        Keycloak.Person p = Keycloak.newPerson();
        Keycloak.Person other = Keycloak.newPerson();
        String token = p.token();
        String mine = start(token, "First");
        String otherToken = other.token();
        start(otherToken, "Other");
        String code = invite(otherToken);

        as(token).contentType(ContentType.JSON).body("{\"name\":\"Second\"}").post("/api/households").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:already-in-household"));
        as(token).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + code + "\"}")
                .post("/api/households/join").then().statusCode(409);
        assertEquals(mine, Database.residentBySubject(p.id()).get("household_id"));
        assertEquals(0, Database.count("select count(*) from household where name = 'Second' and id in "
                + "(select target_id from audit_record where actor_id = ?)", Database.residentBySubject(p.id()).get("id")));
    }

    @Test
    void a_new_code_replaces_the_old_one_and_bad_codes_name_the_field() {
        Keycloak.Person host = Keycloak.newPerson();
        String hostToken = host.token();
        start(hostToken, "Song household");
        String oldCode = invite(hostToken);
        String newCode = invite(hostToken);

        String guestToken = Keycloak.newPerson().token();
        for (String bad : List.of(oldCode, "NOSUCHCODE")) {
            as(guestToken).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + bad + "\"}")
                    .post("/api/households/join").then().statusCode(400)
                    .body("type", equalTo("urn:nanum:problem:invalid-request"))
                    .body("errors[0].field", equalTo("invitationCode"));
        }
        as(guestToken).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + newCode + "\"}")
                .post("/api/households/join").then().statusCode(200);
    }

    @Test
    void when_the_last_member_leaves_the_household_is_dissolved_and_its_code_dies() {
        Keycloak.Person a = Keycloak.newPerson();
        Keycloak.Person b = Keycloak.newPerson();
        String aToken = a.token();
        String bToken = b.token();
        String id = start(aToken, "Short-lived");
        String code = invite(aToken);
        as(bToken).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + code + "\"}")
                .post("/api/households/join").then().statusCode(200);

        as(aToken).post("/api/households/mine/leave").then().statusCode(204);
        assertNull(Database.one("select dissolved_at from household where id = ?", id).get("dissolved_at"));
        as(aToken).get("/api/households/mine").then().statusCode(404)
                .body("type", equalTo("urn:nanum:problem:not-in-household"));

        as(bToken).post("/api/households/mine/leave").then().statusCode(204);
        assertNotNull(Database.one("select dissolved_at from household where id = ?", id).get("dissolved_at"));

        String late = Keycloak.newPerson().token();
        as(late).contentType(ContentType.JSON).body("{\"invitationCode\":\"" + code + "\"}")
                .post("/api/households/join").then().statusCode(400);
    }

    @Test
    void a_household_is_shown_to_its_members_only() {
        String aToken = Keycloak.newPerson().token();
        start(aToken, "Private");
        String strangerToken = Keycloak.newPerson().token();
        as(strangerToken).get("/api/households/mine").then().statusCode(404);
        as(null).get("/api/households/mine").then().statusCode(401);
    }

    @Test
    void invalid_names_are_400_with_the_field() {
        String token = Keycloak.newPerson().token();
        as(token).contentType(ContentType.JSON).body("{\"name\":\"  \"}").post("/api/households").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        as(token).contentType(ContentType.JSON).body("{\"name\":\"" + "x".repeat(81) + "\"}").post("/api/households")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(token).get("/api/me").then().body("householdId", nullValue());
    }

    @Test
    void concurrent_starts_by_one_resident_make_one_household() throws Exception {
        Keycloak.Person p = Keycloak.newPerson();
        String token = p.token();
        as(token).get("/api/me").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(() -> as(token).contentType(ContentType.JSON).body("{\"name\":\"Race\"}")
                        .post("/api/households").statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        assertEquals(4, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        Object residentId = Database.residentBySubject(p.id()).get("id");
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'household.started' "
                + "and actor_id = ?", residentId));
    }
}
