package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Assisted use: a resident without a smartphone asks a staff member at a community centre for help.
 * The staff member records the resident's consent; while it holds, they act as the resident for
 * what residents may do (and nothing more), the resident is told, and the audit trail marks each
 * write as done on their behalf by that staff member. Without consent, or after it ends, refused.
 */
@ExtendWith(ArquillianExtension.class)
class AssistanceIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String idOf(Keycloak.Person p) {
        as(p.token()).get("/api/me").then().statusCode(200);
        return (String) Database.residentBySubject(p.id()).get("id");
    }

    @Test
    void staff_act_for_a_resident_who_consented_and_every_write_is_marked_on_behalf() {
        Keycloak.Person residentPerson = Keycloak.newPerson();
        String resident = residentPerson.token();
        String residentId = idOf(residentPerson);
        Keycloak.Person staffPerson = Keycloak.newPerson("staff");
        String staff = staffPerson.token();
        String staffId = idOf(staffPerson);
        String household = "{\"name\":\"Helped family\"}";

        // Without the resident's consent: refused, and nothing written.
        as(staff).header("On-Behalf-Of", residentId).contentType(ContentType.JSON).body(household).post("/api/households")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:nanum:problem:no-assistance-consent"));
        // A resident cannot act for another, whatever they send.
        as(Keycloak.newPerson().token()).header("On-Behalf-Of", residentId).contentType(ContentType.JSON).body(household)
                .post("/api/households").then().statusCode(403).body("type", equalTo("urn:nanum:problem:assistance-not-allowed"));
        as(resident).get("/api/households/mine").then().statusCode(404);

        // The staff member records the consent, with a reason and a time limit.
        String grant = "/api/residents/" + residentId + "/assistance";
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"x\",\"minutes\":1000}").post(grant).then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        as(staff).contentType(ContentType.JSON).body("{\"minutes\":30}").post(grant).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"me\"}").post("/api/residents/" + staffId + "/assistance")
                .then().statusCode(403).body("type", equalTo("urn:nanum:problem:own-assistance"));
        as(resident).contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post(grant).then().statusCode(403);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Asked at the Mapo community centre: no smartphone\","
                + "\"minutes\":30}").post(grant).then().statusCode(200).body("active", equalTo(true));

        // Now the staff member is the resident, for what residents may do.
        as(staff).header("On-Behalf-Of", residentId).contentType(ContentType.JSON).body(household).post("/api/households")
                .then().statusCode(201);
        as(resident).get("/api/households/mine").then().statusCode(200).body("name", equalTo("Helped family"));
        as(staff).header("On-Behalf-Of", residentId).get("/api/me").then().statusCode(200).body("id", equalTo(residentId));
        // ... and nothing more: no staff operation runs as the resident.
        as(staff).header("On-Behalf-Of", residentId).get("/api/moderation/queue").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:assistance-not-allowed"));
        // Another staff member has no consent of this resident.
        as(Keycloak.newPerson("staff").token()).header("On-Behalf-Of", residentId).get("/api/me").then().statusCode(403);

        // On the record: the write, as the resident's, done on their behalf by the staff member.
        java.util.List<Map<String, Object>> all = Database.rows("select action, target_id, on_behalf_by from audit_record "
                + "where actor_id = ?", residentId);
        Map<String, Object> record = all.stream().filter(r -> "assisted.request".equals(r.get("action"))
                && "POST /households".equals(r.get("target_id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no record of the assisted write among " + all));
        assertEquals(staffId, record.get("on_behalf_by"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'resident.assistance-granted' "
                + "and actor_id = ? and target_id = ? and on_behalf_by is null", staffId, residentId));
        // The resident is told, and sees who may act for them.
        as(resident).get("/api/notifications").then().statusCode(200).body("kind", hasItem("ASSISTANCE_STARTED"));
        as(resident).get("/api/me/assistance").then().statusCode(200).body("[0].active", equalTo(true))
                .body("[0].staffName", equalTo("Test " + staffPerson.username()));

        // Ended: refused again.
        as(staff).delete(grant).then().statusCode(200).body("active", equalTo(false));
        as(staff).header("On-Behalf-Of", residentId).get("/api/me").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:no-assistance-consent"));
        as(staff).delete(grant).then().statusCode(403);
    }
}
