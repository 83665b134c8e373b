package org.nanum.timebank;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;
import static org.nanum.timebank.Households.balance;
import static org.nanum.timebank.Households.key;
import static org.nanum.timebank.Households.pay;
import static org.nanum.timebank.Households.to;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households.Member;

/** The time bank's ledger through the real server: accounts, payments, keys, limits, corrections, the chain. */
@ExtendWith(ArquillianExtension.class)
class TimebankIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String ISSUER = "00000000-0000-4000-8000-0000000000e1";
    private static final String POT = "00000000-0000-4000-8000-0000000000e2";
    private static final String MIGRATION = "00000000-0000-4000-8000-0000000000e3";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void an_account_opens_with_the_welcome_grant_and_a_payment_moves_minutes_between_households() {
        Member kim = Households.newHousehold("Ledger Kim");
        Member lee = Households.newHousehold("Ledger Lee");
        JsonPath mine = Households.account(kim.token());
        assertEquals(120, mine.getLong("balance"));
        assertEquals(-600, mine.getLong("floor"));
        assertEquals(4800, mine.getLong("ceiling"));
        assertEquals(720, mine.getLong("available"));
        assertEquals("Ledger Kim", mine.getString("name"));

        String id = pay(kim.token(), key(), to(lee.accountId(), 90)).then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString("/api/timebank/transfers/")).body("status", equalTo("POSTED"))
                .body("signedMinutes", equalTo(-90)).body("toName", equalTo("Ledger Lee")).body("memo", equalTo("Thanks"))
                .extract().path("id");
        assertEquals(30, balance(kim.token()));
        assertEquals(210, balance(lee.token()));
        // Both households see it, each with its own sign; another resident does not.
        as(lee.token()).get("/api/timebank/transfers/" + id).then().statusCode(200).body("signedMinutes", equalTo(90));
        as(Keycloak.newPerson().token()).get("/api/timebank/transfers/" + id).then().statusCode(404).contentType(PROBLEM);
        as(Keycloak.newPerson("staff").token()).get("/api/timebank/transfers/" + id).then().statusCode(200)
                .body("signedMinutes", nullValue());
        as(lee.token()).get("/api/timebank/accounts/mine/transfers").then().statusCode(200).body("id", hasItem(id));
        // The receiving household is told.
        assertTrue(Database.count("select count(*) from notification n join resident r on r.id = n.resident_id "
                + "where r.subject = ? and n.kind = 'MINUTES_RECEIVED'", lee.person().id()) >= 1);
        // The journal has the payment and the welcome grants; every entry carries no personal data.
        assertEquals(1, Database.count("select count(*) from tb_journal where transfer_id = ? and entry = 'POST' "
                + "and minutes = 90", id));
        assertEquals(0, Database.count("select sum(balance) from tb_account"));
    }

    @Test
    void a_statement_shows_a_month_with_opening_and_closing_balances_as_json_and_csv() {
        Member kim = Households.newHousehold("Statement Kim");
        Member lee = Households.newHousehold("Statement Lee");
        pay(kim.token(), key(), to(lee.accountId(), 45)).then().statusCode(201);
        pay(lee.token(), key(), "{\"to\":\"" + kim.accountId() + "\",\"minutes\":15,\"memo\":\"=1+1, \\\"quoted\\\"\"}")
                .then().statusCode(201);
        String month = YearMonth.now(ZoneId.of("Asia/Seoul")).toString();
        JsonPath s = as(kim.token()).get("/api/timebank/accounts/mine/statements/" + month).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, s.getLong("openingBalance"));
        assertEquals(120 - 45 + 15, s.getLong("closingBalance"));
        assertEquals(List.of("WELCOME", "PAYMENT", "PAYMENT"), s.getList("lines.kind"));
        assertEquals(List.of(120, -45, 15), s.getList("lines.minutes"));
        assertEquals(List.of(120, 75, 90), s.getList("lines.balanceAfter"));
        String csv = as(kim.token()).accept("text/csv").get("/api/timebank/accounts/mine/statements/" + month).then()
                .statusCode(200).contentType("text/csv").extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals("\uFEFFat,transfer,kind,entry,counterparty,minutes,balance_after,memo", rows[0]);
        assertEquals(6, rows.length, csv);
        assertTrue(rows[4].endsWith(",15,90,\"'=1+1, \"\"quoted\"\"\""), "a formula is defused and quotes doubled: " + rows[4]);
        assertTrue(rows[5].contains("CLOSING") && rows[5].contains(",90,"), rows[5]);
        // Last month: nothing yet, both balances zero.
        as(kim.token()).get("/api/timebank/accounts/mine/statements/" + YearMonth.parse(month).minusMonths(1)).then()
                .statusCode(200).body("openingBalance", equalTo(0)).body("lines", equalTo(List.of()));
        as(kim.token()).get("/api/timebank/accounts/mine/statements/last-month").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
    }

    @Test
    void a_retry_with_the_same_key_moves_minutes_once_and_a_different_body_is_refused() {
        Member kim = Households.newHousehold("Key Kim");
        Member lee = Households.newHousehold("Key Lee");
        String k = key();
        String first = pay(kim.token(), k, to(lee.accountId(), 40)).then().statusCode(201).body("replayed", equalTo(false))
                .extract().path("id");
        pay(kim.token(), k, to(lee.accountId(), 40)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first)).body("replayed", equalTo(true));
        assertEquals(80, balance(kim.token()));
        pay(kim.token(), k, to(lee.accountId(), 41)).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        pay(kim.token(), null, to(lee.accountId(), 40)).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        pay(kim.token(), "x".repeat(101), to(lee.accountId(), 40)).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        // A key is the paying household's: another household may use the same value.
        pay(lee.token(), k, to(kim.accountId(), 40)).then().statusCode(201);
        assertEquals(120, balance(kim.token()));
        assertEquals(120, balance(lee.token()));
    }

    @Test
    void bad_transfers_are_refused_with_the_field_at_fault_and_nothing_is_written() {
        Member kim = Households.newHousehold("Refused Kim");
        Member lee = Households.newHousehold("Refused Lee");
        long before = Database.count("select count(*) from tb_transfer");
        pay(kim.token(), key(), to(kim.accountId(), 10)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("to"));
        pay(kim.token(), key(), to(lee.accountId(), 0)).then().statusCode(400).body("errors[0].field", equalTo("minutes"));
        pay(kim.token(), key(), to(lee.accountId(), -5)).then().statusCode(400).body("errors[0].field", equalTo("minutes"));
        pay(kim.token(), key(), "{\"to\":\"" + lee.accountId() + "\",\"minutes\":\"ten\"}").then().statusCode(400);
        pay(kim.token(), key(), to("no-such-account", 10)).then().statusCode(400).body("errors[0].field", equalTo("to"));
        pay(kim.token(), key(), to(ISSUER, 10)).then().statusCode(400).body("errors[0].field", equalTo("to"));
        pay(kim.token(), key(), "{\"minutes\":10}").then().statusCode(400).body("errors[0].field", equalTo("to"));
        pay(kim.token(), key(), "").then().statusCode(400);
        // Below the floor: 120 + 600 may be paid, not a minute more.
        pay(kim.token(), key(), to(lee.accountId(), 721)).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:timebank-limit-reached"))
                .body("errors[0].field", equalTo("minutes")).body("detail", org.hamcrest.Matchers.containsString("720"));
        // Who may pay: anonymous no; a resident without a household is told to start one.
        pay(null, key(), to(lee.accountId(), 10)).then().statusCode(401).contentType(PROBLEM);
        pay(Keycloak.newPerson().token(), key(), to(lee.accountId(), 10)).then().statusCode(404)
                .body("type", equalTo("urn:nanum:problem:not-in-household"));
        assertEquals(before, Database.count("select count(*) from tb_transfer"));
        assertEquals(120, balance(kim.token()));
        pay(kim.token(), key(), to(lee.accountId(), 720)).then().statusCode(201);
        assertEquals(-600, Households.account(kim.token()).getLong("balance"));
        assertEquals(0, Households.account(kim.token()).getLong("available"));
    }

    @Test
    void the_ceiling_holds_for_the_receiving_household() {
        Member rich = Households.newHousehold("Ceiling rich");
        // Six households pay 720 each: 120 + 6 × 720 = 4440; a seventh's 720 would pass 4800.
        for (int i = 0; i < 6; i++) {
            Member giver = Households.newHousehold("Ceiling giver " + i);
            pay(giver.token(), key(), to(rich.accountId(), 720)).then().statusCode(201);
        }
        Member last = Households.newHousehold("Ceiling last");
        pay(last.token(), key(), to(rich.accountId(), 361)).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:timebank-limit-reached"))
                .body("detail", org.hamcrest.Matchers.containsString("4800"));
        pay(last.token(), key(), to(rich.accountId(), 360)).then().statusCode(201);
        assertEquals(4800, balance(rich.token()));
    }

    @Test
    void residents_give_to_the_pot_and_staff_grant_from_it_on_the_record() {
        Member giver = Households.newHousehold("Pot giver");
        Member needy = Households.newHousehold("Pot needy");
        List<Map<String, Object>> system = as(giver.token()).get("/api/timebank/accounts/system").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of(ISSUER, POT, MIGRATION), system.stream().map(a -> a.get("id")).toList());
        assertEquals("Imported time-bank history", system.get(2).get("name"));
        pay(giver.token(), key(), to(POT, 200)).then().statusCode(201).body("toName", equalTo("Community pot"));
        Households.fillPot(50);
        String staff = Keycloak.newPerson("staff").token();
        String grant = "{\"to\":\"" + needy.accountId() + "\",\"minutes\":50,\"memo\":\"Winter help, case 2026-118\"}";
        as(giver.token()).contentType(ContentType.JSON).header("Idempotency-Key", key()).body(grant)
                .post("/api/timebank/grants").then().statusCode(403);
        as(staff).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"to\":\"" + needy.accountId() + "\",\"minutes\":50}").post("/api/timebank/grants").then()
                .statusCode(400).body("errors[0].field", equalTo("memo"));
        String id = as(staff).contentType(ContentType.JSON).header("Idempotency-Key", key()).body(grant)
                .post("/api/timebank/grants").then().statusCode(201).body("kind", equalTo("GRANT"))
                .body("fromName", equalTo("Community pot")).extract().path("id");
        assertEquals(170, balance(needy.token()));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'timebank.granted' and target_id = ?", id));
        long pot = ((Number) Database.one("select balance from tb_account where id = ?", POT).get("balance")).longValue();
        as(staff).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"to\":\"" + needy.accountId() + "\",\"minutes\":" + (pot + 1) + ",\"memo\":\"Too much\"}")
                .post("/api/timebank/grants").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:timebank-limit-reached"));
    }

    @Test
    void staff_reverse_a_mistaken_transfer_once_with_a_reason_on_the_record() {
        Member kim = Households.newHousehold("Reverse Kim");
        Member lee = Households.newHousehold("Reverse Lee");
        String id = pay(kim.token(), key(), to(lee.accountId(), 100)).then().statusCode(201).extract().path("id");
        String staff = Keycloak.newPerson("staff").token();
        as(kim.token()).contentType(ContentType.JSON).body("{\"reason\":\"typo\"}")
                .post("/api/timebank/transfers/" + id + "/reversal").then().statusCode(403);
        as(staff).contentType(ContentType.JSON).body("{}").post("/api/timebank/transfers/" + id + "/reversal").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        String reversal = as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Paid the wrong household\"}")
                .post("/api/timebank/transfers/" + id + "/reversal").then().statusCode(201)
                .body("kind", equalTo("REVERSAL")).body("reverses", equalTo(id)).body("fromAccount", equalTo(lee.accountId()))
                .extract().path("id");
        assertEquals(120, balance(kim.token()));
        assertEquals(120, balance(lee.token()));
        // The original is unchanged; it cannot be reversed twice, nor the reversal itself.
        as(kim.token()).get("/api/timebank/transfers/" + id).then().statusCode(200).body("status", equalTo("POSTED"))
                .body("minutes", equalTo(100));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/timebank/transfers/" + id + "/reversal").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:transfer-not-reversible"));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/timebank/transfers/" + reversal + "/reversal").then().statusCode(409);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"?\"}")
                .post("/api/timebank/transfers/nope/reversal").then().statusCode(404);
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'timebank.reversed' and target_id = ?", id));
    }

    @Test
    void council_and_admin_verify_the_chain_and_a_tampered_entry_or_balance_is_found() {
        Member kim = Households.newHousehold("Chain Kim");
        Member lee = Households.newHousehold("Chain Lee");
        String id = pay(kim.token(), key(), to(lee.accountId(), 25)).then().statusCode(201).extract().path("id");
        String council = Keycloak.newPerson("council").token();
        as(kim.token()).get("/api/timebank/ledger/check").then().statusCode(403);
        as(Keycloak.newPerson("staff").token()).get("/api/timebank/ledger/check").then().statusCode(403);
        as(null).get("/api/timebank/ledger/check").then().statusCode(401);
        JsonPath ok = as(council).get("/api/timebank/ledger/check").then().statusCode(200).body("verified", equalTo(true))
                .body("firstBreak", nullValue()).body("sumOfBalances", equalTo(0)).extract().jsonPath();
        assertTrue(ok.getLong("sealed") >= 3, ok.prettify());
        as(Keycloak.newPerson("admin").token()).get("/api/timebank/ledger/check").then().statusCode(200)
                .body("verified", equalTo(true));

        Map<String, Object> entry = Database.one("select id, chain_pos from tb_journal where transfer_id = ?", id);
        try {
            Database.execute("update tb_journal set minutes = 2500 where id = ?", entry.get("id"));
            as(council).get("/api/timebank/ledger/check").then().statusCode(200).body("verified", equalTo(false))
                    .body("firstBreak.position", equalTo(((Number) entry.get("chain_pos")).intValue()))
                    .body("firstBreak.entryId", equalTo(entry.get("id")))
                    .body("firstBreak.reason", equalTo("its content does not match its hash"))
                    .body("accountsOutOfBalance", hasItem(kim.accountId()));
        } finally {
            Database.execute("update tb_journal set minutes = 25 where id = ?", entry.get("id"));
        }
        try {
            Database.execute("update tb_account set balance = balance + 60 where id = ?", lee.accountId());
            as(council).get("/api/timebank/ledger/check").then().statusCode(200).body("verified", equalTo(false))
                    .body("firstBreak", nullValue()).body("sumOfBalances", equalTo(60))
                    .body("accountsOutOfBalance", equalTo(List.of(lee.accountId())));
        } finally {
            Database.execute("update tb_account set balance = balance - 60 where id = ?", lee.accountId());
        }
        as(council).get("/api/timebank/ledger/check").then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void councils_see_the_time_bank_in_aggregate_and_no_household_by_name() {
        Households.newHousehold("Summary household");
        String council = Keycloak.newPerson("council").token();
        as(Keycloak.newPerson().token()).get("/api/timebank/ledger/summary").then().statusCode(403);
        String body = as(council).get("/api/timebank/ledger/summary").then().statusCode(200)
                .body("householdAccounts", notNullValue()).body("months.size()", equalTo(12)).extract().asString();
        assertFalse(body.contains("Summary household"), body);
        assertTrue(JsonPath.from(body).getLong("issued") >= 120);
    }
}
