package org.nanum.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Reports, the automatic hold, the staff queue and the public log, through the real server. */
@ExtendWith(ArquillianExtension.class)
class ModerationIT {
    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String published(String token, String title) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Lent with care\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static Response report(String token, String type, String id, String reason, String details) {
        return as(token).contentType(ContentType.JSON).body("{\"targetType\":\"" + type + "\",\"targetId\":\"" + id
                + "\",\"reason\":\"" + reason + "\"" + (details == null ? "" : ",\"details\":\"" + details + "\"") + "}")
                .post("/api/reports");
    }

    private static boolean found(String word, String id) {
        return as(null).queryParam("q", word).get("/api/listings").then().statusCode(200).extract().jsonPath()
                .getList("items.id").contains(id);
    }

    private static String caseOf(String staff, String targetId) {
        List<Map<String, Object>> queue = as(staff).get("/api/moderation/queue").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return queue.stream().filter(c -> targetId.equals(c.get("targetId"))).map(c -> (String) c.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(targetId + " is not in the queue: " + queue));
    }

    @Test
    void three_reports_hide_a_listing_until_staff_restore_it_and_the_public_log_shows_each_step_without_names() {
        String word = "flarbix" + Long.toString(System.nanoTime(), 36);
        Keycloak.Person owner = Keycloak.newPerson();
        String ownerToken = owner.token();
        String listing = published(ownerToken, word + " drill");
        Eventually.within(20, "the listing is searchable", () -> found(word, listing));

        List<Keycloak.Person> reporters = List.of(Keycloak.newPerson(), Keycloak.newPerson(), Keycloak.newPerson());
        String secret = "Smells of petrol " + word;
        report(reporters.get(0).token(), "LISTING", listing, "UNSAFE", secret).then().statusCode(201)
                .body("status", equalTo("OPEN"));
        report(reporters.get(1).token(), "LISTING", listing, "PROHIBITED_ITEM", null).then().statusCode(201);
        // Two reports: still shown.
        assertEquals("PUBLISHED", Database.one("select status from listing where id = ?", listing).get("status"));
        report(reporters.get(2).token(), "LISTING", listing, "UNSAFE", null).then().statusCode(201);
        assertEquals("HIDDEN", Database.one("select status from listing where id = ?", listing).get("status"));
        Eventually.within(20, "the hidden listing leaves search", () -> !found(word, listing));
        assertEquals(1, Database.count("select count(*) from notification n join resident r on r.id = n.resident_id "
                + "where r.subject = ? and n.kind = 'LISTING_HIDDEN'", owner.id()));
        // The owner cannot publish it back.
        as(ownerToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + listing + "/status")
                .then().statusCode(409);

        String staff = Keycloak.newPerson("staff").token();
        String caseId = caseOf(staff, listing);
        as(staff).get("/api/moderation/cases/" + caseId).then().statusCode(200).body("of.reports", equalTo(3))
                .body("reports.details", hasItem(secret)).body("history.action", hasItem("AUTO_HIDDEN"));
        as(staff).post("/api/moderation/cases/" + caseId + "/claim").then().statusCode(200)
                .body("claimedBy", org.hamcrest.Matchers.notNullValue());
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"RESTORE\",\"category\":\"OTHER\"}")
                .post("/api/moderation/cases/" + caseId + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"RESTORE\",\"category\":\"OTHER\","
                        + "\"reason\":\"A cordless drill; nothing unsafe\"}")
                .post("/api/moderation/cases/" + caseId + "/decision").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("decision", equalTo("RESTORE"));
        Eventually.within(20, "the restored listing is searchable again", () -> found(word, listing));
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"HIDE\",\"category\":\"UNSAFE\",\"reason\":\"again\"}")
                .post("/api/moderation/cases/" + caseId + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:case-closed"));
        as(reporters.get(0).token()).get("/api/reports/mine").then().statusCode(200).body("status", hasItem("CLOSED"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'moderation.restore' "
                + "and target_id = ?", listing));

        // The public log, without signing in: every step of the case, nobody's identity, no report's words.
        String body = as(null).get("/api/transparency/log?targetType=LISTING").then().statusCode(200).extract().asString();
        List<Map<String, Object>> entries = io.restassured.path.json.JsonPath.from(body).getList("entries");
        List<Object> actions = entries.stream().filter(e -> caseId.equals(e.get("caseId"))).map(e -> e.get("action")).toList();
        assertEquals(List.of("RESTORED", "AUTO_HIDDEN", "REPORTED", "REPORTED", "REPORTED"), actions);
        Map<String, Object> restored = entries.stream().filter(e -> caseId.equals(e.get("caseId"))).findFirst().orElseThrow();
        assertEquals("staff", restored.get("actorRole"));
        assertTrue(((String) restored.get("actor")).matches("sta-[0-9a-f]{8}"), restored.toString());
        Map<String, Object> auto = entries.stream().filter(e -> "AUTO_HIDDEN".equals(e.get("action"))
                && caseId.equals(e.get("caseId"))).findFirst().orElseThrow();
        assertEquals(true, auto.get("automatic"));
        assertEquals("system", auto.get("actorRole"));
        for (Keycloak.Person p : List.of(owner, reporters.get(0), reporters.get(1), reporters.get(2))) {
            String residentId = (String) Database.residentBySubject(p.id()).get("id");
            assertFalse(body.contains(residentId) || body.contains(p.username()), "no resident is named in the log");
        }
        assertFalse(body.contains(secret) || body.contains(listing), "neither the report's words nor the listing's id");
        // Filters and paging refuse what they do not know.
        as(null).get("/api/transparency/log?action=EXPLODED").then().statusCode(400).body("errors[0].field", equalTo("action"));
        as(null).get("/api/transparency/log?since=yesterday").then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    @Test
    void reports_and_decisions_are_refused_where_they_should_be() {
        String ownerToken = Keycloak.newPerson().token();
        String listing = published(ownerToken, "Refusal ladder");
        String resident = Keycloak.newPerson().token();
        report(null, "LISTING", listing, "SPAM", null).then().statusCode(401).contentType(PROBLEM);
        report(ownerToken, "LISTING", listing, "SPAM", null).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:cannot-report-yourself"));
        report(resident, "LISTING", "no-such-listing", "SPAM", null).then().statusCode(404)
                .body("type", equalTo("urn:nanum:problem:report-target-not-found"));
        report(resident, "LISTING", listing, "OTHER", null).then().statusCode(400).body("errors[0].field", equalTo("details"));
        report(resident, "LISTING", listing, "BORING", null).then().statusCode(400);
        report(resident, "SESSION", "00000000-0000-4000-8000-00000000dead", "NO_SHOW", null).then().statusCode(404);
        report(resident, "LISTING", listing, "SPAM", null).then().statusCode(201);
        report(resident, "LISTING", listing, "SPAM", null).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:already-reported"));
        // Residents, councils and admins do not see the queue; staff do.
        as(resident).get("/api/moderation/queue").then().statusCode(403);
        as(Keycloak.newPerson("council").token()).get("/api/moderation/queue").then().statusCode(403);
        as(Keycloak.newPerson("admin").token()).get("/api/moderation/queue").then().statusCode(403);
        as(null).get("/api/moderation/queue").then().statusCode(401);
        as(Keycloak.newPerson("staff").token()).get("/api/moderation/cases/nope").then().statusCode(404);

        // A moderator never decides about their own listing.
        Keycloak.Person staffOwner = Keycloak.newPerson("staff");
        String staffToken = staffOwner.token();
        String own = published(staffToken, "Staff's own tent");
        report(resident, "LISTING", own, "SPAM", null).then().statusCode(201);
        String caseId = caseOf(staffToken, own);
        as(staffToken).contentType(ContentType.JSON).body("{\"decision\":\"HIDE\",\"category\":\"SPAM\",\"reason\":\"mine\"}")
                .post("/api/moderation/cases/" + caseId + "/decision").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:own-case"));
        as(staffToken).post("/api/moderation/cases/" + caseId + "/claim").then().statusCode(403);
        // A resident reported: only dismissing fits this step's decisions.
        String reported = (String) Database.residentBySubject(staffOwner.id()).get("id");
        report(resident, "RESIDENT", reported, "HARASSMENT", null).then().statusCode(201);
        String other = Keycloak.newPerson("staff").token();
        String residentCase = caseOf(other, reported);
        as(other).get("/api/moderation/queue").then().statusCode(200).body("[0].urgency", equalTo(0));
        as(other).contentType(ContentType.JSON).body("{\"decision\":\"HIDE\",\"category\":\"HARASSMENT\",\"reason\":\"x\"}")
                .post("/api/moderation/cases/" + residentCase + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:decision-not-applicable"));
        as(other).contentType(ContentType.JSON).body("{\"decision\":\"DISMISS\",\"category\":\"OTHER\","
                + "\"reason\":\"A misunderstanding, talked through\"}").post("/api/moderation/cases/" + residentCase
                + "/decision").then().statusCode(200).body("decision", equalTo("DISMISS"));
        as(other).get("/api/moderation/queue").then().statusCode(200).body("id", not(hasItem(residentCase)));
        // Once closed, the same resident may report again: a new case.
        report(resident, "RESIDENT", reported, "HARASSMENT", null).then().statusCode(201);
    }

    @Test
    void a_suspension_hides_listings_and_blocks_loans_sessions_and_publishing_until_it_is_lifted_or_runs_out() {
        String word = "quorvex" + Long.toString(System.nanoTime(), 36);
        Keycloak.Person person = Keycloak.newPerson();
        String token = person.token();
        as(token).contentType(ContentType.JSON).body("{\"name\":\"Suspended family\"}").post("/api/households")
                .then().statusCode(201);
        String mine = published(token, word + " ladder");
        String draft = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Draft tent\","
                + "\"description\":\"Later\",\"category\":\"goods.camping\",\"district\":\"mapo\","
                + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}").post("/api/listings")
                .then().statusCode(201).extract().path("id");
        Keycloak.Person neighbour = Keycloak.newPerson();
        String neighbourToken = neighbour.token();
        as(neighbourToken).contentType(ContentType.JSON).body("{\"name\":\"Helper family\"}").post("/api/households")
                .then().statusCode(201);
        String drill = published(neighbourToken, word + " drill");
        String help = as(neighbourToken).contentType(ContentType.JSON).body("{\"kind\":\"SERVICE\",\"title\":\"Phone help\","
                + "\"description\":\"Any evening\",\"category\":\"service.education.computers\",\"district\":\"mapo\","
                + "\"details\":{\"service\":{\"minutes\":60}}}").post("/api/listings").then().statusCode(201)
                .extract().path("id");
        as(neighbourToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + help + "/status")
                .then().statusCode(200);
        Eventually.within(20, "the ladder is searchable", () -> found(word + " ladder", mine));

        String residentId = (String) Database.residentBySubject(person.id()).get("id");
        report(neighbourToken, "RESIDENT", residentId, "HARASSMENT", "Threatening messages").then().statusCode(201);
        String staff = Keycloak.newPerson("staff").token();
        String caseId = caseOf(staff, residentId);
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"SUSPEND\",\"category\":\"HARASSMENT\","
                + "\"reason\":\"Threats, seen in the thread\"}").post("/api/moderation/cases/" + caseId + "/decision").then()
                .statusCode(400).body("errors[0].field", equalTo("days"));
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"SUSPEND\",\"category\":\"HARASSMENT\","
                + "\"reason\":\"Threats, seen in the thread\",\"days\":7}").post("/api/moderation/cases/" + caseId
                + "/decision").then().statusCode(200).body("decision", equalTo("SUSPEND"));

        // Listings hidden, and every new step refused with a clear problem.
        Eventually.within(20, "the suspended resident's listing leaves search", () -> !found(word + " ladder", mine));
        java.time.LocalDate soon = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(3);
        Response loan = as(token).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                + soon + "\",\"lastDay\":\"" + soon.plusDays(1) + "\"}").post("/api/loans");
        loan.then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:nanum:problem:resident-suspended"));
        java.time.Instant at = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        as(token).contentType(ContentType.JSON).body("{\"listingId\":\"" + help + "\",\"startsAt\":\"" + at
                + "\",\"endsAt\":\"" + at.plusSeconds(3600) + "\"}").post("/api/timebank/sessions").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:resident-suspended"));
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + draft + "/status")
                .then().statusCode(403).body("type", equalTo("urn:nanum:problem:resident-suspended"));
        // A childcare session with a verified sitter is refused too.
        as(staff).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2026-11-01\",\"reason\":\"seen\"}")
                .put("/api/residents/" + Database.residentBySubject(neighbour.id()).get("id") + "/sitter-check").then()
                .statusCode(200);
        String sitting = as(neighbourToken).contentType(ContentType.JSON).body("{\"kind\":\"CHILDCARE\",\"title\":"
                + "\"Saturday sitting\",\"description\":\"Two children at most\",\"category\":\"childcare.babysitting\","
                + "\"district\":\"mapo\",\"details\":{\"childcare\":{\"from\":\"" + at + "\",\"to\":\""
                + at.plusSeconds(6 * 3600) + "\",\"children\":2,\"ageBands\":[\"AGE_3_5\"]}}}").post("/api/listings")
                .then().statusCode(201).extract().path("id");
        as(neighbourToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}")
                .put("/api/listings/" + sitting + "/status").then().statusCode(200);
        as(token).contentType(ContentType.JSON).body("{\"listingId\":\"" + sitting + "\",\"startsAt\":\"" + at
                + "\",\"endsAt\":\"" + at.plusSeconds(7200) + "\",\"children\":1}").post("/api/timebank/sessions").then()
                .statusCode(403).body("type", equalTo("urn:nanum:problem:resident-suspended"));
        assertEquals(0, Database.count("select count(*) from loan where listing_id = ?", drill));
        as(null).get("/api/transparency/log?action=SUSPENDED").then().statusCode(200)
                .body("entries.caseId", hasItem(caseId));

        // Lifted early: active again, the ladder back in search, the draft still a draft.
        as(staff).contentType(ContentType.JSON).body("{}").post("/api/moderation/cases/" + caseId + "/suspension-lift")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Apologised; mediation at the Mapo office\"}")
                .post("/api/moderation/cases/" + caseId + "/suspension-lift").then().statusCode(200);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/moderation/cases/" + caseId + "/suspension-lift").then().statusCode(409);
        Eventually.within(20, "the ladder is back in search", () -> found(word + " ladder", mine));
        assertEquals("DRAFT", Database.one("select status from listing where id = ?", draft).get("status"));
        as(token).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\"" + soon
                + "\",\"lastDay\":\"" + soon.plusDays(1) + "\"}").post("/api/loans").then().statusCode(201);

        // Suspended again for a day; when the day is over the sweep ends it by itself, on the record.
        report(neighbourToken, "RESIDENT", residentId, "HARASSMENT", "Again").then().statusCode(201);
        String second = caseOf(staff, residentId);
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"SUSPEND\",\"category\":\"HARASSMENT\","
                + "\"reason\":\"Again\",\"days\":1}").post("/api/moderation/cases/" + second + "/decision").then()
                .statusCode(200);
        Eventually.within(20, "hidden again", () -> !found(word + " ladder", mine));
        Database.execute("update resident_suspension set ends_at = starts_at where case_ref = ?", second);
        Eventually.within(30, "the sweep ends the suspension that ran out", () -> found(word + " ladder", mine));
        String log = as(null).get("/api/transparency/log?action=SUSPENSION_ENDED").then().statusCode(200).extract().asString();
        assertTrue(log.contains(second) && log.contains("\"automatic\":true"), log);
        assertFalse(log.contains(residentId), "nobody is named");
    }

    @Test
    void the_owner_reads_the_decision_with_its_reason_and_appeals_it_once_to_the_council() {
        Keycloak.Person owner = Keycloak.newPerson();
        String ownerToken = owner.token();
        String listing = published(ownerToken, "Appealed projector");
        Keycloak.Person reporter = Keycloak.newPerson();
        report(reporter.token(), "LISTING", listing, "PROHIBITED_ITEM", "Looks like a stolen one").then().statusCode(201);
        String staff = Keycloak.newPerson("staff").token();
        String caseId = caseOf(staff, listing);
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"EDIT_REQUEST\",\"category\":\"PROHIBITED_ITEM\","
                + "\"reason\":\"Please show the receipt or the serial number in the description\"}")
                .post("/api/moderation/cases/" + caseId + "/decision").then().statusCode(200)
                .body("decision", equalTo("EDIT_REQUEST"));
        assertEquals("PUBLISHED", Database.one("select status from listing where id = ?", listing).get("status"));

        String mine = as(ownerToken).get("/api/moderation/decisions/mine").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.reason",
                        equalTo("Please show the receipt or the serial number in the description"))
                .body("find { it.caseId == '" + caseId + "' }.appeal", org.hamcrest.Matchers.nullValue())
                .extract().asString();
        assertFalse(mine.contains(reporter.username()) || mine.contains("stolen"), "never who reported, nor their words");
        as(reporter.token()).get("/api/moderation/decisions/mine").then().statusCode(200)
                .body("caseId", not(hasItem(caseId)));

        as(reporter.token()).contentType(ContentType.JSON).body("{\"reason\":\"I object\"}")
                .post("/api/moderation/decisions/" + caseId + "/appeal").then().statusCode(404);
        as(ownerToken).contentType(ContentType.JSON).body("{}").post("/api/moderation/decisions/" + caseId + "/appeal")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(ownerToken).contentType(ContentType.JSON).body("{\"reason\":\"I bought it new; the receipt is lost\"}")
                .post("/api/moderation/decisions/" + caseId + "/appeal").then().statusCode(201).body("appeal", equalTo("ROUTED"));
        as(ownerToken).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/moderation/decisions/" + caseId + "/appeal").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:appeal-not-allowed"));
        as(null).get("/api/transparency/log?action=APPEALED").then().statusCode(200).body("entries.caseId", hasItem(caseId))
                .body("entries.find { it.caseId == '" + caseId + "' }.actor", equalTo("resident"));
        as(null).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/moderation/decisions/" + caseId + "/appeal").then().statusCode(401);
    }

    @Test
    void a_listing_with_a_prohibited_word_or_category_waits_for_staff_instead_of_being_published() {
        String word = "zelqar" + Long.toString(System.nanoTime(), 36);
        Keycloak.Person staffPerson = Keycloak.newPerson("staff");
        String staff = staffPerson.token();
        String resident = Keycloak.newPerson().token();
        as(resident).contentType(ContentType.JSON).body("{\"term\":\"" + word + "\",\"reason\":\"x\"}")
                .post("/api/moderation/prohibited-terms").then().statusCode(403);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"nothing\"}").post("/api/moderation/prohibited-terms")
                .then().statusCode(400).body("errors[0].field", equalTo("term"));
        as(staff).contentType(ContentType.JSON).body("{\"term\":\"" + word.toUpperCase() + "\"}")
                .post("/api/moderation/prohibited-terms").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        String termId = as(staff).contentType(ContentType.JSON).body("{\"term\":\"" + word.toUpperCase()
                        + "\",\"reason\":\"Replica weapons are not lent here\"}").post("/api/moderation/prohibited-terms")
                .then().statusCode(201).body("term", equalTo(word)).extract().path("id");
        as(staff).contentType(ContentType.JSON).body("{\"term\":\"" + word + "\",\"reason\":\"again\"}")
                .post("/api/moderation/prohibited-terms").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:term-exists"));

        Keycloak.Person owner = Keycloak.newPerson();
        String ownerToken = owner.token();
        String held = as(ownerToken).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Airsoft "
                        + word + " pistol\",\"description\":\"For films\",\"category\":\"goods.tools.power\","
                        + "\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(ownerToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + held + "/status")
                .then().statusCode(200).body("status", equalTo("HIDDEN"));
        String caseId = caseOf(staff, held);
        as(staff).get("/api/moderation/cases/" + caseId).then().statusCode(200).body("history.action", hasItem("AUTO_HIDDEN"))
                .body("history[0].reasonCategory", equalTo("PROHIBITED_ITEM"));
        assertFalse(found(word, held), "not in search while held");
        // Staff find it fine: it is published, as its owner asked.
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"RESTORE\",\"category\":\"OTHER\","
                + "\"reason\":\"A film prop, orange tip, not a weapon\"}").post("/api/moderation/cases/" + caseId + "/decision")
                .then().statusCode(200);
        assertEquals("PUBLISHED", Database.one("select status from listing where id = ?", held).get("status"));
        Eventually.within(20, "the restored listing is searchable", () -> found(word, held));
        // Without the word on the list, the same listing publishes at once.
        as(staff).delete("/api/moderation/prohibited-terms/" + termId + "?reason=Too+broad").then().statusCode(204);
        as(staff).delete("/api/moderation/prohibited-terms/" + termId).then().statusCode(404);
        String free = as(ownerToken).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Airsoft "
                        + word + " target\",\"description\":\"Paper targets\",\"category\":\"goods.tools.power\","
                        + "\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(ownerToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + free + "/status")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        assertEquals(2, Database.count("select count(*) from audit_record where action like 'moderation.term-%' "
                + "and target_id = ?", termId));
    }

    @Test
    void messages_references_and_sessions_are_reported_by_those_who_may_and_the_author_is_the_one_warned() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        Keycloak.Person lenderPerson = Keycloak.newPerson();
        String lender = lenderPerson.token();
        Keycloak.Person borrowerPerson = Keycloak.newPerson();
        String borrower = borrowerPerson.token();
        String drill = published(lender, "Reported drill");
        String loan = as(borrower).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                + today.plusDays(2) + "\",\"lastDay\":\"" + today.plusDays(2) + "\"}").post("/api/loans").then()
                .statusCode(201).extract().path("id");
        String message = as(borrower).contentType(ContentType.JSON).body("{\"body\":\"Rude words here\"}")
                .post("/api/loans/" + loan + "/messages").then().statusCode(201).extract().path("id");
        report(borrower, "MESSAGE", message, "HARASSMENT", null).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:cannot-report-yourself"));
        report(lender, "MESSAGE", "00000000-0000-4000-8000-00000000beef", "HARASSMENT", null).then().statusCode(404);
        report(lender, "MESSAGE", message, "HARASSMENT", null).then().statusCode(201);
        String staff = Keycloak.newPerson("staff").token();
        String messageCase = caseOf(staff, message);
        as(staff).contentType(ContentType.JSON).body("{\"decision\":\"WARN\",\"category\":\"HARASSMENT\","
                + "\"reason\":\"Keep threads polite\"}").post("/api/moderation/cases/" + messageCase + "/decision")
                .then().statusCode(200);
        as(borrower).get("/api/moderation/decisions/mine").then().statusCode(200)
                .body("find { it.caseId == '" + messageCase + "' }.decision", equalTo("WARN"));
        as(lender).get("/api/moderation/decisions/mine").then().statusCode(200).body("caseId", not(hasItem(messageCase)));

        // A reference: only the resident it is about reports it; its author is the one concerned.
        as(lender).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
        Database.execute("update loan set first_day = ?, last_day = ? where id = ?", today, today, loan);
        Database.execute("update loan_day set lent_day = ? where loan_id = ?", today, loan);
        as(lender).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/pickup")
                .then().statusCode(200);
        as(lender).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/return")
                .then().statusCode(200);
        as(lender).contentType(ContentType.JSON).body("{\"rating\":1,\"comment\":\"Borrowers like this ruin it\"}")
                .post("/api/loans/" + loan + "/reference").then().statusCode(201);
        report(Keycloak.newPerson().token(), "REFERENCE", loan, "DISCRIMINATION", null).then().statusCode(404);
        report(lender, "REFERENCE", loan, "DISCRIMINATION", null).then().statusCode(404);
        report(borrower, "REFERENCE", loan, "DISCRIMINATION", null).then().statusCode(201);
        String referenceCase = caseOf(staff, loan);
        as(staff).get("/api/moderation/queue").then().statusCode(200)
                .body("find { it.id == '" + referenceCase + "' }.urgency", equalTo(0));

        // A session: only its two households report it.
        Households family = Households.of(borrower);
        Households helper = Households.of(lender);
        // The family's residency is verified: its welcome grant pays for the hour (decision 0008).
        org.nanum.timebank.Households.verifyResidency(borrower);
        String help = as(lender).contentType(ContentType.JSON).body("{\"kind\":\"SERVICE\",\"title\":\"Shelf fixing\","
                + "\"description\":\"An hour\",\"category\":\"service.home.repairs\",\"district\":\"mapo\","
                + "\"details\":{\"service\":{\"minutes\":60}}}").post("/api/listings").then().statusCode(201)
                .extract().path("id");
        as(lender).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + help + "/status")
                .then().statusCode(200);
        java.time.Instant at = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String session = as(borrower).contentType(ContentType.JSON).body("{\"listingId\":\"" + help + "\",\"startsAt\":\""
                + at + "\",\"endsAt\":\"" + at.plusSeconds(3600) + "\"}").post("/api/timebank/sessions").then()
                .statusCode(201).extract().path("id");
        report(Keycloak.newPerson().token(), "SESSION", session, "NO_SHOW", null).then().statusCode(404);
        report(borrower, "SESSION", session, "NO_SHOW", null).then().statusCode(201);
        as(staff).get("/api/moderation/queue").then().statusCode(200).body("targetId", hasItem(session));
        assertTrue(family.ok() && helper.ok());
    }

    /** Puts the token's person in a household of their own (sessions are between households). */
    private record Households(boolean ok) {
        static Households of(String token) {
            int status = as(token).contentType(ContentType.JSON).body("{\"name\":\"Reported household\"}")
                    .post("/api/households").then().extract().statusCode();
            return new Households(status == 201 || status == 409);
        }
    }
}
