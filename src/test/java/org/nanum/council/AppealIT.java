package org.nanum.council;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.nanum.council.CouncilIT.council;
import static org.nanum.council.CouncilIT.person;
import static org.nanum.council.CouncilIT.post;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.council.CouncilIT.Person;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/**
 * Appeals heard by the council through the real server: what members see (no names), who may
 * hear, and what an overturn undoes: a hidden listing shown, a suspension lifted, a deposit released.
 */
@ExtendWith(ArquillianExtension.class)
class AppealIT {
    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String published(String token, String title, Integer deposit) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Lent with care\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3"
                        + (deposit == null ? "" : ",\"depositKrw\":" + deposit) + "}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static String caseOf(String staff, String targetId) {
        List<Map<String, Object>> queue = as(staff).get("/api/moderation/queue").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return queue.stream().filter(c -> targetId.equals(c.get("targetId"))).map(c -> (String) c.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(targetId + " is not in the queue"));
    }

    /** Staff decide a case about the target, the person concerned appeals, and the appeal's id is returned. */
    private static String appealed(String reporter, String staff, String owner, String type, String target,
                                   String decision) {
        post(reporter, "/api/reports", "{\"targetType\":\"" + type + "\",\"targetId\":\"" + target
                + "\",\"reason\":\"UNSAFE\",\"details\":\"Looks dangerous\"}").then().statusCode(201);
        String caseId = caseOf(staff, target);
        post(staff, "/api/moderation/cases/" + caseId + "/decision", "{\"decision\":\"" + decision
                + "\",\"category\":\"UNSAFE\",\"reason\":\"Sharp blade exposed\",\"days\":30}").then().statusCode(200);
        post(owner, "/api/moderation/decisions/" + caseId + "/appeal", "{\"reason\":\"The guard was on; see photo 2\"}")
                .then().statusCode(201);
        return (String) Database.one("select id from moderation_appeal where case_id = ?", caseId).get("id");
    }

    @Test
    void a_member_overturns_a_hidden_listing_and_the_docket_names_nobody() {
        Person admin = person("admin");
        Person member = person("council");
        Keycloak.Person ownerAccount = Keycloak.newPerson("council");
        String owner = ownerAccount.token();
        as(owner).get("/api/me").then().statusCode(200);
        String ownerId = (String) Database.residentBySubject(ownerAccount.id()).get("id");
        council(admin.token(), 365, member, new Person(owner, ownerId));
        String staff = person("staff").token();
        String saw = published(owner, "Appeal saw", null);
        String appeal = appealed(person().token(), staff, owner, "LISTING", saw, "HIDE");
        as(null).get("/api/listings/" + saw).then().statusCode(404);

        // Members read the docket, and so do admins; nobody else. No names, no resident ids, no reports' words.
        String docket = as(member.token()).get("/api/council/appeals").then().statusCode(200)
                .body("id", hasItem(appeal)).body("find { it.id == '" + appeal + "' }.subject", equalTo("LISTING: Appeal saw"))
                .body("find { it.id == '" + appeal + "' }.staffReason", equalTo("Sharp blade exposed"))
                .extract().asString();
        assertFalse(docket.contains(ownerId));
        assertFalse(docket.contains("Looks dangerous"));
        assertFalse(docket.contains("Test t-"), "no display names");
        as(admin.token()).get("/api/council/appeals/" + appeal).then().statusCode(200).body("status", equalTo("ROUTED"));
        as(staff).get("/api/council/appeals").then().statusCode(403).contentType(PROBLEM);
        as(person().token()).get("/api/council/appeals").then().statusCode(403);
        as(null).get("/api/council/appeals").then().statusCode(401);
        as(person("council").token()).get("/api/council/appeals").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:not-a-council-member"));

        // Who may decide: a member, not the one it concerns, not an admin; with an outcome and a reason.
        String url = "/api/council/appeals/" + appeal + "/decision";
        post(admin.token(), url, "{\"outcome\":\"OVERTURNED\",\"reason\":\"x\"}").then().statusCode(403);
        post(owner, url, "{\"outcome\":\"OVERTURNED\",\"reason\":\"Mine\"}").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:conflict-of-interest"));
        post(member.token(), url, "{\"outcome\":\"OVERTURNED\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post(member.token(), url, "{\"outcome\":\"PERHAPS\",\"reason\":\"x\"}").then().statusCode(400);
        post(member.token(), "/api/council/appeals/no-such/decision", "{\"outcome\":\"UPHELD\",\"reason\":\"x\"}")
                .then().statusCode(404).body("type", equalTo("urn:nanum:problem:appeal-not-found"));
        assertEquals(0, Database.count("select count(*) from council_hearing where appeal_id = ?", appeal));

        post(member.token(), url, "{\"outcome\":\"OVERTURNED\",\"reason\":\"The guard is visible in the photo\"}")
                .then().statusCode(200).body("status", equalTo("OVERTURNED"))
                .body("hearingReason", equalTo("The guard is visible in the photo"));
        post(member.token(), url, "{\"outcome\":\"UPHELD\",\"reason\":\"Again\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:appeal-heard"));
        // Undone: the listing is public again; the owner reads the outcome; the public log and the audit have it.
        as(null).get("/api/listings/" + saw).then().statusCode(200);
        as(owner).get("/api/moderation/decisions/mine").then().statusCode(200)
                .body("find { it.targetId == '" + saw + "' }.appeal", equalTo("OVERTURNED"));
        as(null).get("/api/transparency/log?action=APPEAL_OVERTURNED").then().statusCode(200)
                .body("entries.actorRole", hasItem("council")).body(not(containsString(member.residentId())));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'moderation.appeal-overturned' "
                + "and actor_kind = 'COUNCIL' and reason = 'The guard is visible in the photo'"));
    }

    @Test
    void an_overturned_suspension_is_lifted_and_an_upheld_one_stands() {
        Person admin = person("admin");
        Person member = person("council");
        council(admin.token(), 365, member);
        String staff = person("staff").token();
        Keycloak.Person suspendedAccount = Keycloak.newPerson();
        String suspended = suspendedAccount.token();
        as(suspended).get("/api/me").then().statusCode(200);
        String residentId = (String) Database.residentBySubject(suspendedAccount.id()).get("id");
        String appeal = appealed(person().token(), staff, suspended, "RESIDENT", residentId, "SUSPEND");
        String item = published(person().token(), "Borrowable drill", null);
        String loan = "{\"itemId\":\"" + item + "\",\"firstDay\":\"" + LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3)
                + "\",\"lastDay\":\"" + LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(4) + "\"}";
        post(suspended, "/api/loans", loan).then().statusCode(403).body("type", equalTo("urn:nanum:problem:resident-suspended"));

        post(member.token(), "/api/council/appeals/" + appeal + "/decision",
                "{\"outcome\":\"OVERTURNED\",\"reason\":\"No threat in the messages we were shown\"}").then().statusCode(200);
        post(suspended, "/api/loans", loan).then().statusCode(201);
        assertEquals(0, Database.count("select count(*) from resident_suspension where resident_id = ? and lifted_at is null",
                residentId));

        // Upheld: nothing changes but the record.
        Keycloak.Person otherAccount = Keycloak.newPerson();
        String other = otherAccount.token();
        as(other).get("/api/me").then().statusCode(200);
        String otherId = (String) Database.residentBySubject(otherAccount.id()).get("id");
        String second = appealed(person().token(), staff, other, "RESIDENT", otherId, "SUSPEND");
        post(member.token(), "/api/council/appeals/" + second + "/decision",
                "{\"outcome\":\"UPHELD\",\"reason\":\"Threats are plain\"}").then().statusCode(200)
                .body("status", equalTo("UPHELD"));
        post(other, "/api/loans", loan).then().statusCode(403);
    }

    @Test
    void a_borrower_appeals_a_kept_deposit_and_an_overturn_releases_it() {
        Person admin = person("admin");
        Person member = person("council");
        council(admin.token(), 365, member);
        String owner = person().token();
        Person borrower = person();
        String drill = published(owner, "Deposit appeal drill", 20000);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        String loan = post(borrower.token(), "/api/loans", "{\"itemId\":\"" + drill + "\",\"firstDay\":\"" + today
                + "\",\"lastDay\":\"" + today.plusDays(1) + "\"}").then().statusCode(201).extract().path("id");
        post(owner, "/api/loans/" + loan + "/approve", "{}").then().statusCode(200);
        post(owner, "/api/loans/" + loan + "/pickup", "{\"condition\":\"GOOD\"}").then().statusCode(200);
        String appealUrl = "/api/loans/" + loan + "/deposit/appeal";
        post(borrower.token(), appealUrl, "{\"reason\":\"Nothing kept yet\"}").then().statusCode(409);
        post(owner, "/api/loans/" + loan + "/return", "{\"condition\":\"WORN\",\"damage\":\"Scratch\"}").then().statusCode(200);
        String staff = person("staff").token();
        // The loan waits in staff's list of deposits to decide, with the damage the lender saw; only staff read it.
        as(staff).get("/api/loans/deposits").then().statusCode(200)
                .body("find { it.id == '" + loan + "' }.damageNote", org.hamcrest.Matchers.equalTo("Scratch"))
                .body("find { it.id == '" + loan + "' }.pickupPlace", org.hamcrest.Matchers.nullValue());
        as(borrower.token()).get("/api/loans/deposits").then().statusCode(403);
        as(null).get("/api/loans/deposits").then().statusCode(401);
        post(staff, "/api/loans/" + loan + "/deposit", "{\"outcome\":\"KEPT\",\"reason\":\"Scratched casing\"}").then()
                .statusCode(200);
        as(staff).get("/api/loans/deposits").then().statusCode(200).body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(loan)));

        // Only the borrower appeals, once, with a reason.
        post(owner, appealUrl, "{\"reason\":\"x\"}").then().statusCode(404);
        post(null, appealUrl, "{\"reason\":\"x\"}").then().statusCode(401);
        post(borrower.token(), appealUrl, "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        String appeal = post(borrower.token(), appealUrl, "{\"reason\":\"The scratch was there before\"}").then()
                .statusCode(201).body("status", equalTo("ROUTED")).body("keptKrw", equalTo(20000)).extract().path("id");
        post(borrower.token(), appealUrl, "{\"reason\":\"Again\"}").then().statusCode(409);

        as(member.token()).get("/api/council/appeals/" + appeal).then().statusCode(200).body("kind", equalTo("DEPOSIT"))
                .body("keptKrw", equalTo(20000)).body("staffReason", equalTo("Scratched casing"))
                .body(not(containsString(borrower.residentId())));
        post(member.token(), "/api/council/appeals/" + appeal + "/decision",
                "{\"outcome\":\"OVERTURNED\",\"reason\":\"The pickup record shows it\"}").then().statusCode(200)
                .body("status", equalTo("OVERTURNED")).body("decision", equalTo("KEPT"));
        as(borrower.token()).get("/api/loans/" + loan).then().statusCode(200).body("depositOutcome", equalTo("RELEASED"))
                .body("depositKeptKrw", equalTo(0));
        as(borrower.token()).get(appealUrl).then().statusCode(200).body("status", equalTo("OVERTURNED"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'loan.deposit-appeal-overturned' "
                + "and target_id = ?", loan));
    }
}
