package org.nanum.timebank;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households.Member;

/** Babysitting swaps and services through the real server: every flow, every refusal, who sees what. */
@ExtendWith(ArquillianExtension.class)
class SessionIT {
    private static final String PROBLEM = "application/problem+json";
    private static String staffToken;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** Two days from now, on the hour: the listing's window opens then and lasts six hours. */
    private static final Instant WINDOW = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);

    private static synchronized String staff() {
        if (staffToken == null) {
            staffToken = Keycloak.newPerson("staff").token();
        }
        return staffToken;
    }

    private static String residentId(Member m) {
        return (String) Database.residentBySubject(m.person().id()).get("id");
    }

    private static void verifySitter(Member m) {
        as(staff()).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2026-11-01\","
                + "\"reason\":\"Record check and first aid seen\"}").put("/api/residents/" + residentId(m) + "/sitter-check")
                .then().statusCode(200).body("verified", equalTo(true));
    }

    private static Response listing(String token, String kind, String direction, String title) {
        String details = kind.equals("CHILDCARE")
                ? "{\"childcare\":{\"from\":\"" + WINDOW + "\",\"to\":\"" + WINDOW.plus(Duration.ofHours(6))
                + "\",\"children\":2,\"ageBands\":[\"AGE_3_5\"]}}"
                : "{\"service\":{\"minutes\":60}}";
        String category = kind.equals("CHILDCARE") ? "childcare.babysitting" : "service.education.computers";
        return as(token).contentType(ContentType.JSON).body("{\"kind\":\"" + kind + "\",\"direction\":\"" + direction
                + "\",\"title\":\"" + title + "\",\"description\":\"Happy to help\",\"category\":\"" + category
                + "\",\"district\":\"mapo\",\"details\":" + details + "}").post("/api/listings");
    }

    private static String published(String token, String kind, String direction, String title) {
        String id = listing(token, kind, direction, title).then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static Response start(String token, String listing, Instant from, Instant to, Integer children) {
        return as(token).contentType(ContentType.JSON).body("{\"listingId\":\"" + listing + "\",\"startsAt\":\"" + from
                + "\",\"endsAt\":\"" + to + "\"" + (children == null ? "" : ",\"children\":" + children)
                + ",\"message\":\"Looking forward\"}").post("/api/timebank/sessions");
    }

    private static Response act(String token, String session, String action, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/timebank/sessions/" + session + "/" + action);
    }

    /** Moves a session into the past (it started an hour ago), as if time had passed. */
    private static void began(String session) {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        Database.execute("update tb_session set starts_at = ?, ends_at = cast(? as timestamp with time zone) + (ends_at - starts_at) where id = ?",
                OffsetDateTime.ofInstant(start, ZoneOffset.UTC), OffsetDateTime.ofInstant(start, ZoneOffset.UTC), session);
    }

    @Test
    void only_a_verified_sitter_offers_childcare_and_staff_record_the_fact_not_the_documents() {
        Member sitter = Households.newHousehold("Sitter check");
        listing(sitter.token(), "CHILDCARE", "OFFER", "Saturday sitting").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:sitter-not-verified"));
        String id = residentId(sitter);
        as(sitter.token()).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2026-11-01\",\"reason\":\"me\"}")
                .put("/api/residents/" + id + "/sitter-check").then().statusCode(403);
        as(staff()).contentType(ContentType.JSON).body("{\"verified\":true,\"reason\":\"seen\"}")
                .put("/api/residents/" + id + "/sitter-check").then().statusCode(400).body("errors[0].field", equalTo("checkedOn"));
        as(staff()).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2999-01-01\",\"reason\":\"seen\"}")
                .put("/api/residents/" + id + "/sitter-check").then().statusCode(400).body("errors[0].field", equalTo("checkedOn"));
        as(staff()).contentType(ContentType.JSON).body("{\"verified\":true,\"checkedOn\":\"2026-11-01\"}")
                .put("/api/residents/" + id + "/sitter-check").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        verifySitter(sitter);
        as(staff()).get("/api/residents/" + id + "/sitter-check").then().statusCode(200).body("verified", equalTo(true))
                .body("checkedOn", equalTo("2026-11-01"));
        listing(sitter.token(), "CHILDCARE", "OFFER", "Saturday sitting").then().statusCode(201);
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'sitter.checked' and target_id = ?", id));
        // Withdrawn: no more offers.
        as(staff()).contentType(ContentType.JSON).body("{\"verified\":false,\"reason\":\"Certificate expired\"}")
                .put("/api/residents/" + id + "/sitter-check").then().statusCode(200).body("verified", equalTo(false));
        listing(sitter.token(), "CHILDCARE", "OFFER", "Sunday sitting").then().statusCode(403);
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'sitter.withdrawn' and target_id = ?", id));
    }

    @Test
    void a_family_takes_an_offer_the_minutes_are_held_then_posted_when_both_confirm_the_adjusted_time() {
        Member sitter = Households.newHousehold("Offer sitter");
        verifySitter(sitter);
        Member family = Households.newHousehold("Offer family");
        String offer = published(sitter.token(), "CHILDCARE", "OFFER", "Afternoon sitting");
        Instant from = WINDOW.plus(Duration.ofHours(1));
        Instant to = from.plus(Duration.ofHours(3));

        // Refusals first: nothing is written by any of them.
        start(family.token(), offer, from, to, 3).then().statusCode(400).body("errors[0].field", equalTo("children"));
        start(family.token(), offer, from, to, null).then().statusCode(400).body("errors[0].field", equalTo("children"));
        start(family.token(), offer, WINDOW.minus(Duration.ofHours(1)), to, 1).then().statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        start(family.token(), offer, from, from.plus(Duration.ofMinutes(10)), 1).then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        start(sitter.token(), offer, from, to, 1).then().statusCode(409).body("type", equalTo("urn:nanum:problem:own-listing"));
        start(Keycloak.newPerson().token(), offer, from, to, 1).then().statusCode(404)
                .body("type", equalTo("urn:nanum:problem:not-in-household"));
        assertEquals(0, Database.count("select count(*) from tb_session where listing_id = ?", offer));

        String session = start(family.token(), offer, from, to, 1).then().statusCode(201)
                .body("status", equalTo("SCHEDULED")).body("minutes", equalTo(180)).body("yourSide", equalTo("RECEIVER"))
                .extract().path("id");
        JsonPath familyAccount = Households.account(family.token());
        assertEquals(180, familyAccount.getLong("held"));
        assertEquals(120 + 600 - 180, familyAccount.getLong("available"));
        assertEquals(180, Households.account(sitter.token()).getLong("incoming"));
        // The sitter is busy then: another family cannot take an overlapping time.
        Member other = Households.newHousehold("Offer other");
        start(other.token(), offer, from.plus(Duration.ofHours(2)), to.plus(Duration.ofHours(1)), 1).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:provider-busy"));
        // Only the two households see it; the first message is in its thread.
        as(other.token()).get("/api/timebank/sessions/" + session).then().statusCode(404);
        act(other.token(), session, "confirm", "{}").then().statusCode(404).contentType(PROBLEM);
        as(sitter.token()).get("/api/timebank/sessions/mine").then().statusCode(200).body("id", hasItem(session));
        as(sitter.token()).get("/api/timebank/sessions/" + session + "/messages").then().statusCode(200)
                .body("body", hasItem("Looking forward"));
        as(sitter.token()).contentType(ContentType.JSON).body("{\"body\":\"See you then\"}")
                .post("/api/timebank/sessions/" + session + "/messages").then().statusCode(201);
        as(other.token()).get("/api/timebank/sessions/" + session + "/messages").then().statusCode(404);

        // Not started: no confirming yet.
        act(family.token(), session, "confirm", "{}").then().statusCode(409);
        began(session);
        act(sitter.token(), session, "confirm", "{\"minutes\":300}").then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        act(sitter.token(), session, "confirm", "{\"minutes\":200}").then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("providerMinutes", equalTo(200));
        act(family.token(), session, "confirm", "{}").then().statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("receiverMinutes", equalTo(180));
        // The family agrees to the longer time: the minutes post.
        act(family.token(), session, "confirm", "{\"minutes\":200}").then().statusCode(200).body("status", equalTo("POSTED"));
        JsonPath after = Households.account(family.token());
        assertEquals(120 - 200, after.getLong("balance"));
        assertEquals(0, after.getLong("held"));
        JsonPath sitterAfter = Households.account(sitter.token());
        assertEquals(120 + 200, sitterAfter.getLong("balance"));
        assertEquals(0, sitterAfter.getLong("incoming"));
        String transfer = as(family.token()).get("/api/timebank/sessions/" + session).then().extract().path("transferId");
        assertEquals(1, Database.count("select count(*) from tb_journal where transfer_id = ? and entry = 'HOLD' and minutes = 180", transfer));
        assertEquals(1, Database.count("select count(*) from tb_journal where transfer_id = ? and entry = 'POST' and minutes = 200", transfer));
        // Posted is final.
        act(family.token(), session, "confirm", "{}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:session-transition-not-allowed"));
        act(family.token(), session, "no-show", "{}").then().statusCode(409);
    }

    @Test
    void the_care_note_is_for_the_sitter_of_that_session_only_and_is_erased_after_it() {
        Member sitter = Households.newHousehold("Care sitter");
        verifySitter(sitter);
        String housemate = Households.join(NanumDeployment::as, sitter);
        Member family = Households.newHousehold("Care family");
        String offer = published(sitter.token(), "CHILDCARE", "OFFER", "Evening sitting");
        String session = start(family.token(), offer, WINDOW, WINDOW.plus(Duration.ofHours(2)), 2).then().statusCode(201)
                .extract().path("id");
        String note = "{\"emergencyContact\":\"Mum 010-1234-5678\",\"allergies\":\"Peanuts\",\"childrenNames\":\"Jiwoo, Minseo\"}";
        as(sitter.token()).contentType(ContentType.JSON).body(note).put("/api/timebank/sessions/" + session + "/care-note")
                .then().statusCode(403);
        as(family.token()).contentType(ContentType.JSON).body("{\"allergies\":\"" + "x".repeat(501) + "\"}")
                .put("/api/timebank/sessions/" + session + "/care-note").then().statusCode(400)
                .body("errors[0].field", containsString("allergies"));
        as(family.token()).contentType(ContentType.JSON).body(note).put("/api/timebank/sessions/" + session + "/care-note")
                .then().statusCode(200).body("allergies", equalTo("Peanuts"));
        as(sitter.token()).get("/api/timebank/sessions/" + session + "/care-note").then().statusCode(200)
                .body("childrenNames", equalTo("Jiwoo, Minseo"));
        as(housemate).get("/api/timebank/sessions/" + session + "/care-note").then().statusCode(403);
        as(staff()).get("/api/timebank/sessions/" + session + "/care-note").then().statusCode(404);
        as(Keycloak.newPerson().token()).get("/api/timebank/sessions/" + session + "/care-note").then().statusCode(404);
        // The session's own view says there is a note, never what it says; nor do search, the feed or staff's lists.
        String view = as(sitter.token()).get("/api/timebank/sessions/" + session).then().statusCode(200)
                .body("careNote", equalTo(true)).extract().asString();
        assertFalse(view.contains("Peanuts") || view.contains("Jiwoo"), view);
        assertFalse(as(sitter.token()).get("/api/listings?q=Jiwoo").then().statusCode(200).extract().asString().contains(offer));

        // Six hours after it ended the sweep erases it, settled or not.
        Instant longAgo = Instant.now().minus(Duration.ofHours(8));
        Database.execute("update tb_session set starts_at = ?, ends_at = ? where id = ?",
                OffsetDateTime.ofInstant(longAgo, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(longAgo.plus(Duration.ofHours(2)), ZoneOffset.UTC), session);
        as(sitter.token()).get("/api/timebank/sessions/" + session + "/care-note").then().statusCode(404)
                .body("type", equalTo("urn:nanum:problem:care-note-not-found"));
        Eventually.within(20, "the sweep erases the care note",
                () -> Database.count("select count(*) from tb_care_note where session_id = ?", session) == 0);
    }

    @Test
    void a_verified_sitter_answers_a_request_the_family_accepts_and_either_may_cancel_before_it_starts() {
        Member family = Households.newHousehold("Request family");
        String request = published(family.token(), "CHILDCARE", "REQUEST", "Sitter wanted Friday");
        Member unverified = Households.newHousehold("Request unverified");
        Instant from = WINDOW.plus(Duration.ofHours(2));
        start(unverified.token(), request, from, from.plus(Duration.ofHours(2)), 1).then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:sitter-not-verified"));
        Member sitter = Households.newHousehold("Request sitter");
        verifySitter(sitter);
        String session = start(sitter.token(), request, from, from.plus(Duration.ofHours(2)), 1).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("yourSide", equalTo("PROVIDER")).extract().path("id");
        assertEquals(0, Households.account(family.token()).getLong("held"));
        act(sitter.token(), session, "accept", "{}").then().statusCode(403).body("type", equalTo("urn:nanum:problem:not-your-turn"));
        act(family.token(), session, "accept", "").then().statusCode(200).body("status", equalTo("SCHEDULED"));
        assertEquals(120, Households.account(family.token()).getLong("held"));
        act(family.token(), session, "accept", "{}").then().statusCode(409);
        // In both households' calendar feeds, without the care note.
        String url = as(sitter.token()).contentType(ContentType.JSON).body("{}").post("/api/calendar/feed").then()
                .statusCode(201).extract().path("url");
        String ics = io.restassured.RestAssured.given().get(url).then().statusCode(200).extract().asString();
        assertTrue(ics.contains("session-" + session + "@nanum") && ics.contains("Babysitting: Sitter wanted Friday"), ics);
        act(sitter.token(), session, "cancel", "{}").then().statusCode(200).body("status", equalTo("CANCELLED"));
        JsonPath account = Households.account(family.token());
        assertEquals(0, account.getLong("held"));
        assertEquals(120, account.getLong("balance"));
        assertTrue(io.restassured.RestAssured.given().get(url).then().extract().asString().contains("STATUS:CANCELLED"));
        // Declining: the family's choice only.
        String second = start(sitter.token(), request, from, from.plus(Duration.ofHours(1)), 1).then().statusCode(201)
                .extract().path("id");
        act(sitter.token(), second, "decline", "{}").then().statusCode(403);
        act(family.token(), second, "decline", "{}").then().statusCode(200).body("status", equalTo("DECLINED"));
    }

    /**
     * A no-show is a claim, not a verdict. Before, the family's report voided the hold at once and
     * the sitter who had come had no recourse (this test failed on that code: the status was
     * NO_SHOW, not NO_SHOW_CLAIMED, and the sitter's dispute was refused with 409).
     */
    @Test
    void a_no_show_is_a_claim_the_side_said_to_be_absent_confirms_or_disputes() {
        Member sitter = Households.newHousehold("No-show sitter");
        verifySitter(sitter);
        Member family = Households.newHousehold("No-show family");
        String offer = published(sitter.token(), "CHILDCARE", "OFFER", "Morning sitting");
        String session = start(family.token(), offer, WINDOW, WINDOW.plus(Duration.ofHours(1)), 1).then().statusCode(201)
                .extract().path("id");
        act(family.token(), session, "no-show", "{}").then().statusCode(409);
        began(session);
        act(family.token(), session, "no-show", "{\"reason\":\"" + "x".repeat(401) + "\"}").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("reason"));
        Instant claimed = Instant.now();
        JsonPath claim = act(family.token(), session, "no-show", "{\"reason\":\"Nobody came\"}").then().statusCode(200)
                .body("status", equalTo("NO_SHOW_CLAIMED")).body("noShow", equalTo("PROVIDER")).extract().jsonPath();
        Instant answerBy = Instant.parse(claim.getString("answerBy"));
        assertTrue(Duration.between(claimed, answerBy).toHours() >= 47, "48 hours to answer: " + answerBy);
        // The minutes stay held while the claim is open; the sitter is told.
        assertEquals(60, Households.account(family.token()).getLong("held"));
        assertTrue(Database.count("select count(*) from notification n join resident r on r.id = n.resident_id "
                + "where r.subject = ? and n.kind = 'NO_SHOW_CLAIMED'", sitter.person().id()) >= 1);
        // The family cannot settle its own claim either way; the sitter cannot just confirm the time.
        act(family.token(), session, "no-show/confirm", "{}").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:not-your-turn"));
        act(family.token(), session, "dispute", "{\"reason\":\"Really nobody\"}").then().statusCode(403);
        act(sitter.token(), session, "confirm", "{}").then().statusCode(409);
        // The sitter came: they dispute, and staff decide.
        act(sitter.token(), session, "dispute", "{\"reason\":\"I was there at nine; nobody opened\"}").then().statusCode(200)
                .body("status", equalTo("DISPUTED"));
        as(staff()).get("/api/timebank/sessions/disputes").then().statusCode(200).body("id", hasItem(session));
        assertEquals(60, Households.account(family.token()).getLong("held"));
    }

    @Test
    void a_no_show_the_absent_side_confirms_or_leaves_unanswered_voids_the_hold_and_is_never_posted() {
        Member sitter = Households.newHousehold("Absent sitter");
        verifySitter(sitter);
        Member family = Households.newHousehold("Absent family");
        String offer = published(sitter.token(), "CHILDCARE", "OFFER", "Early sitting");
        String confirmed = start(family.token(), offer, WINDOW, WINDOW.plus(Duration.ofHours(1)), 1).then().statusCode(201)
                .extract().path("id");
        String unanswered = start(family.token(), offer, WINDOW.plus(Duration.ofHours(2)), WINDOW.plus(Duration.ofHours(3)), 1)
                .then().statusCode(201).extract().path("id");
        began(confirmed);
        began(unanswered);
        act(family.token(), confirmed, "no-show", "{}").then().statusCode(200).body("status", equalTo("NO_SHOW_CLAIMED"));
        act(family.token(), unanswered, "no-show", "{}").then().statusCode(200).body("status", equalTo("NO_SHOW_CLAIMED"));
        // The sitter agrees they did not come: the hold is voided.
        act(sitter.token(), confirmed, "no-show/confirm", "{}").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        act(sitter.token(), confirmed, "no-show/confirm", "{}").then().statusCode(409);
        act(sitter.token(), confirmed, "confirm", "{}").then().statusCode(409);
        String transfer = as(family.token()).get("/api/timebank/sessions/" + confirmed).then().extract().path("transferId");
        as(family.token()).get("/api/timebank/transfers/" + transfer).then().statusCode(200).body("status", equalTo("VOIDED"));
        assertEquals(1, Database.count("select count(*) from tb_journal where transfer_id = ? and entry = 'VOID'", transfer));
        assertEquals(0, Database.count("select count(*) from tb_journal where transfer_id = ? and entry = 'POST'", transfer));
        // Unanswered when its time runs out, the claim stands (the sweep runs every 2 s in tests).
        Database.execute("update tb_session set answer_by = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC), unanswered);
        Eventually.within(20, "the unanswered claim stands", () -> "NO_SHOW".equals(as(family.token())
                .get("/api/timebank/sessions/" + unanswered).then().extract().path("status")));
        assertEquals(0, Households.account(family.token()).getLong("held"));
        assertEquals(120, Households.account(family.token()).getLong("balance"));
        assertEquals(120, Households.account(sitter.token()).getLong("balance"));
    }

    @Test
    void a_disagreement_goes_to_staff_who_settle_it_on_the_record() {
        Member sitter = Households.newHousehold("Dispute sitter");
        verifySitter(sitter);
        Member family = Households.newHousehold("Dispute family");
        String offer = published(sitter.token(), "CHILDCARE", "OFFER", "Long sitting");
        String session = start(family.token(), offer, WINDOW, WINDOW.plus(Duration.ofHours(2)), 1).then().statusCode(201)
                .extract().path("id");
        as(family.token()).contentType(ContentType.JSON).body("{\"allergies\":\"Milk\"}")
                .put("/api/timebank/sessions/" + session + "/care-note").then().statusCode(200);
        began(session);
        act(sitter.token(), session, "confirm", "{\"minutes\":150}").then().statusCode(200);
        act(family.token(), session, "dispute", "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        act(family.token(), session, "dispute", "{\"reason\":\"We were back after 90 minutes\"}").then().statusCode(200)
                .body("status", equalTo("DISPUTED"));
        // A no-show claim after the other side confirmed is a dispute too; here it is one already.
        String queue = as(staff()).get("/api/timebank/sessions/disputes").then().statusCode(200)
                .body("id", hasItem(session)).extract().asString();
        assertFalse(queue.contains("Milk"), "staff never see the care note");
        as(family.token()).get("/api/timebank/sessions/disputes").then().statusCode(403);
        act(family.token(), session, "settle", "{\"minutes\":90,\"reason\":\"mine\"}").then().statusCode(403);
        act(staff(), session, "settle", "{\"minutes\":90}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        act(staff(), session, "settle", "{\"minutes\":500,\"reason\":\"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        act(staff(), session, "settle", "{\"minutes\":105,\"reason\":\"Both agree the children were picked up at 4:45\"}")
                .then().statusCode(200).body("status", equalTo("POSTED"))
                .body("settleReason", equalTo("Both agree the children were picked up at 4:45"));
        assertEquals(120 - 105, Households.account(family.token()).getLong("balance"));
        assertEquals(120 + 105, Households.account(sitter.token()).getLong("balance"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'session.posted' and target_id = ?", session));
        assertEquals(0, Database.count("select count(*) from tb_care_note where session_id = ?", session));
        act(staff(), session, "settle", "{\"reason\":\"again\"}").then().statusCode(409);
        as(staff()).get("/api/timebank/sessions/disputes").then().statusCode(200).body("id", not(hasItem(session)));
    }

    @Test
    void a_service_is_paid_through_the_same_ledger_and_over_the_floor_nothing_is_held() {
        Member helper = Households.newHousehold("Service helper");
        Member learner = Households.newHousehold("Service learner");
        String service = published(helper.token(), "SERVICE", "OFFER", "Phone help");
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        // More than the learner can pay (720 minutes available) is refused, and nothing is written.
        String first = start(learner.token(), service, from, from.plus(Duration.ofHours(11)), null).then().statusCode(201)
                .extract().path("id");
        start(learner.token(), service, from.plus(Duration.ofHours(13)), from.plus(Duration.ofHours(14)), null).then()
                .statusCode(201);
        // 660 + 60 held: the next hour would go below the floor.
        Response over = start(learner.token(), service, from.plus(Duration.ofHours(15)), from.plus(Duration.ofHours(16)), null);
        over.then().statusCode(409).body("type", equalTo("urn:nanum:problem:timebank-limit-reached"));
        assertEquals(720, Households.account(learner.token()).getLong("held"));
        assertEquals(0, Households.account(learner.token()).getLong("available"));
        act(learner.token(), first, "cancel", "{}").then().statusCode(200);
        // Paying a service's owner directly by its listing.
        Households.pay(learner.token(), Households.key(), "{\"listingId\":\"" + service + "\",\"minutes\":30}").then()
                .statusCode(201).body("toAccount", equalTo(helper.accountId())).body("listingId", equalTo(service));
        as(learner.token()).get("/api/timebank/sessions/" + first).then().body("careNote", equalTo(false))
                .body("children", nullValue());
    }
}
