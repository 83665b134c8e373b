package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Staff verify residency: who may, what the record keeps, what is refused. */
@ExtendWith(ArquillianExtension.class)
class ResidencyIT {
    private static final String VERIFY = "{\"verified\":true,\"reason\":\"Residency card seen at the district office\"}";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String residentId(Keycloak.Person p) {
        return as(p.token()).get("/api/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void only_staff_may_read_or_decide_residency() {
        Keycloak.Person subject = Keycloak.newPerson();
        String id = residentId(subject);
        String path = "/api/residents/" + id + "/residency";

        as(null).contentType(ContentType.JSON).body(VERIFY).put(path).then().statusCode(401)
                .body("type", equalTo("urn:nanum:problem:unauthenticated"));
        for (String role : new String[] {null, "council", "admin"}) {
            Keycloak.Person caller = role == null ? Keycloak.newPerson() : Keycloak.newPerson(role);
            as(caller.token()).contentType(ContentType.JSON).body(VERIFY).put(path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:forbidden"));
            as(caller.token()).get("/api/residents/" + id).then().statusCode(403);
        }
        // The subject themselves, a resident, may not verify their own residency either.
        as(subject.token()).contentType(ContentType.JSON).body(VERIFY).put(path).then().statusCode(403);
        assertNull(Database.residentBySubject(subject.id()).get("residency_verified_at"));
        assertEquals(0, Database.count("select count(*) from audit_record where target_id = ?", id));
    }

    @Test
    void staff_verify_and_the_decision_is_on_the_record() {
        Keycloak.Person subject = Keycloak.newPerson();
        String id = residentId(subject);
        Keycloak.Person staff = Keycloak.newPerson("staff");
        String staffId = residentId(staff);

        as(staff.token()).contentType(ContentType.JSON).body(VERIFY).put("/api/residents/" + id + "/residency")
                .then().statusCode(200)
                .body("residencyVerified", equalTo(true))
                .body("residencyVerifiedBy", equalTo(staffId));

        Map<String, Object> row = Database.residentBySubject(subject.id());
        assertNotNull(row.get("residency_verified_at"));
        assertEquals(staffId, row.get("residency_verified_by"));
        Map<String, Object> audit = Database.one("select * from audit_record where target_id = ?", id);
        assertEquals("residency.verified", audit.get("action"));
        assertEquals("STAFF", audit.get("actor_kind"));
        assertEquals(staffId, audit.get("actor_id"));
        assertEquals("Residency card seen at the district office", audit.get("reason"));
        as(subject.token()).get("/api/me").then().body("residencyVerified", equalTo(true));

        as(staff.token()).contentType(ContentType.JSON).body("{\"verified\":false,\"reason\":\"Moved to Busan\"}")
                .put("/api/residents/" + id + "/residency").then().statusCode(200)
                .body("residencyVerified", equalTo(false));
        assertEquals(2, Database.count("select count(*) from audit_record where target_id = ?", id));
    }

    @Test
    void staff_do_not_verify_themselves() {
        Keycloak.Person staff = Keycloak.newPerson("staff");
        String id = residentId(staff);
        as(staff.token()).contentType(ContentType.JSON).body(VERIFY).put("/api/residents/" + id + "/residency")
                .then().statusCode(403).body("type", equalTo("urn:nanum:problem:own-residency"));
        assertNull(Database.residentBySubject(staff.id()).get("residency_verified_at"));
    }

    @Test
    void a_decision_without_a_reason_is_400_and_writes_nothing() {
        Keycloak.Person subject = Keycloak.newPerson();
        String id = residentId(subject);
        String staff = Keycloak.newPerson("staff").token();
        as(staff).contentType(ContentType.JSON).body("{\"verified\":true}").put("/api/residents/" + id + "/residency")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"seen\"}").put("/api/residents/" + id + "/residency")
                .then().statusCode(400).body("errors[0].field", equalTo("verified"));
        // A typo must not read as false: only JSON true/false are decisions.
        as(staff).contentType(ContentType.JSON).body("{\"verified\":\"maybe\",\"reason\":\"seen\"}")
                .put("/api/residents/" + id + "/residency").then().statusCode(400)
                .body("type", equalTo("urn:nanum:problem:malformed-body"))
                .body("detail", equalTo("A field that takes true or false was given something else."));
        assertNull(Database.residentBySubject(subject.id()).get("residency_verified_at"));
        assertEquals(0, Database.count("select count(*) from audit_record where target_id = ?", id));
    }

    @Test
    void an_unknown_resident_is_404() {
        String staff = Keycloak.token("sam", "sam");
        as(staff).get("/api/residents/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:resident-not-found"));
        as(staff).contentType(ContentType.JSON).body(VERIFY)
                .put("/api/residents/00000000-0000-0000-0000-000000000000/residency").then().statusCode(404);
    }
}
