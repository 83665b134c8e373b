package org.nanum.timebank;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;
import static org.nanum.timebank.Households.key;
import static org.nanum.timebank.Households.pay;
import static org.nanum.timebank.Households.to;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households.Member;

/**
 * What households dissolved before decision 0008 left behind is settled by the same rule
 * (LedgerRepair). The old way of leaving is played here behind the application's back, as the old
 * code did it: the last member's row loses its household, the household is marked dissolved and the
 * audit trail says who left last; its account, sessions and listings are left as they were.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerRepairIT {
    private static final String POT = "00000000-0000-4000-8000-0000000000e2";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** The old leave: no checks, the household dissolved with whatever it held. */
    private static void leftTheOldWay(Member m) {
        String resident = (String) Database.residentBySubject(m.person().id()).get("id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Database.execute("update resident set household_id = null where id = ?", resident);
        Database.execute("update household set dissolved_at = ?, invitation_code = null where id = ?", now, m.householdId());
        Database.execute("insert into audit_record (id, occurred_at, actor_id, actor_kind, action, target_type, target_id, "
                + "reason) values (?, ?, ?, 'RESIDENT', 'household.dissolved', 'household', ?, 'The last member left.')",
                UUID.randomUUID().toString(), now, resident, m.householdId());
    }

    private static long balanceOf(String account) {
        return Database.count("select balance from tb_account where id = ?", account);
    }

    private static List<Map<String, Object>> settle() {
        return as(Keycloak.token("ada", "ada")).post("/api/timebank/ledger/settle-dissolved").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    @Test
    void a_debt_follows_its_last_member_and_the_sessions_and_offers_left_behind_are_called_off() {
        Member family = Households.newHousehold("Repair family");
        Member helper = Households.newHousehold("Repair helper");
        pay(helper.token(), key(), to(family.accountId(), 420)).then().statusCode(201);
        String service = as(helper.token()).contentType(ContentType.JSON).body("{\"kind\":\"SERVICE\",\"direction\":\"OFFER\","
                + "\"title\":\"Repair lessons\",\"description\":\"Help\",\"category\":\"service.education.computers\","
                + "\"district\":\"mapo\",\"details\":{\"service\":{\"minutes\":60}}}").post("/api/listings").then()
                .statusCode(201).extract().path("id");
        as(helper.token()).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + service
                + "/status").then().statusCode(200);
        Instant from = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        String session = as(family.token()).contentType(ContentType.JSON).body("{\"listingId\":\"" + service
                + "\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + from.plus(Duration.ofHours(1)) + "\"}")
                .post("/api/timebank/sessions").then().statusCode(201).extract().path("id");
        assertEquals(-300, balanceOf(helper.accountId()));
        leftTheOldWay(helper);
        // Before the repair the check finds nothing wrong yet (the account is not closed): the rule is what settles it.
        as(helper.token()).contentType(ContentType.JSON).body("{\"name\":\"Repair helper, moved\"}").post("/api/households")
                .then().statusCode(201);
        String newAccount = as(helper.token()).get("/api/timebank/accounts/mine").then().statusCode(200).extract().path("id");

        List<Map<String, Object>> settled = settle();
        Map<String, Object> mine = settled.stream().filter(s -> helper.householdId().equals(s.get("householdId")))
                .findFirst().orElseThrow(() -> new AssertionError(settled.toString()));
        assertEquals(1, mine.get("sessionsCalledOff"));
        assertEquals(0, mine.get("listingsWithdrawn"), "their own offer follows them to their new household");
        assertEquals(-300, ((Number) mine.get("balance")).intValue());
        assertEquals("owed now by the household its last member lives in", mine.get("how"));
        // The debt is the person's: it followed them; the old account is closed at zero.
        assertEquals(0, balanceOf(helper.accountId()));
        assertEquals(-300, balanceOf(newAccount));
        assertNotNull(Database.one("select closed_at from tb_account where id = ?", helper.accountId()).get("closed_at"));
        // The family's held minutes came back, the session is called off with a reason, and they were told.
        as(family.token()).get("/api/timebank/sessions/" + session).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertEquals(0, Households.account(family.token()).getLong("held"));
        assertTrue(Database.count("select count(*) from notification n join resident r on r.id = n.resident_id "
                + "where r.subject = ? and n.kind = 'SESSION_CANCELLED'", family.person().id()) >= 1);
        assertEquals("PUBLISHED", Database.one("select status from listing where id = ?", service).get("status"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'timebank.household-settled' "
                + "and target_id = ?", helper.householdId()));
        JsonPath check = as(Keycloak.newPerson("council").token()).get("/api/timebank/ledger/check").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(check.getBoolean("verified"), check.prettify());
        // Run again: nothing is left to settle for it.
        assertTrue(settle().stream().noneMatch(s -> helper.householdId().equals(s.get("householdId"))));
    }

    @Test
    void with_nobody_to_follow_spare_minutes_go_to_the_pot_a_debt_is_written_off_in_public_and_offers_come_down() {
        Member spare = Households.newHousehold("Repair spare");
        Member debtor = Households.newHousehold("Repair debtor");
        pay(debtor.token(), key(), to(spare.accountId(), 220)).then().statusCode(201);
        String offer = as(spare.token()).contentType(ContentType.JSON).body("{\"kind\":\"SERVICE\",\"direction\":\"OFFER\","
                + "\"title\":\"Left-behind lessons\",\"description\":\"Help\",\"category\":\"service.education.computers\","
                + "\"district\":\"mapo\",\"details\":{\"service\":{\"minutes\":60}}}").post("/api/listings").then()
                .statusCode(201).extract().path("id");
        as(spare.token()).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + offer
                + "/status").then().statusCode(200);
        leftTheOldWay(spare);
        leftTheOldWay(debtor);
        long pot = balanceOf(POT);
        List<Map<String, Object>> settled = settle();
        Map<String, Object> given = settled.stream().filter(s -> spare.householdId().equals(s.get("householdId"))).findFirst()
                .orElseThrow();
        Map<String, Object> written = settled.stream().filter(s -> debtor.householdId().equals(s.get("householdId")))
                .findFirst().orElseThrow();
        assertEquals("given to the community pot", given.get("how"));
        assertEquals(1, given.get("listingsWithdrawn"));
        assertEquals("WITHDRAWN", Database.one("select status from listing where id = ?", offer).get("status"));
        assertEquals("written off to the community pot", written.get("how"));
        assertEquals(pot + 340 - 100, balanceOf(POT));
        assertEquals(0, balanceOf(spare.accountId()));
        assertEquals(0, balanceOf(debtor.accountId()));
        as(null).get("/api/transparency/log?action=WRITTEN_OFF").then().statusCode(200)
                .body("entries.caseId", hasItem(written.get("transferId")));
        pay(Households.newHousehold("Late payer").token(), key(), to(spare.accountId(), 10)).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:account-closed"));
        assertTrue(as(Keycloak.newPerson("council").token()).get("/api/timebank/ledger/check").then().statusCode(200)
                .extract().jsonPath().getBoolean("verified"));
        as(Keycloak.newPerson("staff").token()).post("/api/timebank/ledger/settle-dissolved").then().statusCode(403);
    }
}
