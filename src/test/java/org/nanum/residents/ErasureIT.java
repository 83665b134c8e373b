package org.nanum.residents;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;
import org.nanum.timebank.Households.Member;

/**
 * A resident's right to be forgotten, through the real server, PostgreSQL and Keycloak: refused
 * while a loan is open, then everything that said who they were is gone from every table (a scan
 * of every text column), their listing leaves search, their Keycloak account is deleted, a token
 * issued before gets 403; the minutes they gave stay where they went, so the books balance and
 * the hash chain verifies. Staff erase on a resident's request with the request on the record.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String publish(String token, String body) {
        String id = as(token).contentType(ContentType.JSON).body(body).post("/api/listings").then().statusCode(201)
                .extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    /** Every text column of every table, for rows that contain any of the needles. */
    private static List<String> whereFound(String... needles) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : Database.rows("select table_name, column_name from information_schema.columns "
                + "where table_schema = current_schema() and data_type in ('character varying', 'text') "
                + "and table_name <> 'flyway_schema_history'")) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            for (String needle : needles) {
                long n = Database.count("select count(*) from " + table + " where lower(" + column + ") like ?",
                        "%" + needle.toLowerCase() + "%");
                if (n > 0) {
                    found.add(table + "." + column + " holds '" + needle + "' (" + n + ")");
                }
            }
        }
        return found;
    }

    @Test
    void a_resident_is_forgotten_once_what_is_open_is_closed_and_the_books_still_balance() throws Exception {
        String nonce = "er" + UUID.randomUUID().toString().substring(0, 6);
        Member family = Households.newHousehold("Household " + nonce);
        Member lender = Households.newHousehold("The lender next door");
        Map<String, Object> row = Database.residentBySubject(family.person().id());
        String residentId = (String) row.get("id");
        String email = (String) row.get("email");
        String name = (String) row.get("display_name");
        assertNotNull(email);

        String kettle = publish(family.token(), "{\"kind\":\"GOODS\",\"title\":\"Kettle " + nonce + "\",\"description\":"
                + "\"Pick it up at 12 Sample-ro " + nonce + "\",\"category\":\"goods.kitchen\",\"district\":\"mapo\","
                + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3,\"pickupPlace\":\"Gate " + nonce + "\"}}}");
        String photo = as(family.token()).contentType("image/png").body(org.nanum.catalogue.PhotoIT.image("png", 64, 48))
                .post("/api/listings/" + kettle + "/photos").then().statusCode(201).extract().path("id");
        assertEquals(1, Database.count("select count(*) from listing_photo where listing_id = ?", kettle));
        String drill = publish(lender.token(), "{\"kind\":\"GOODS\",\"title\":\"Drill of the lender\",\"description\":"
                + "\"Cordless\",\"category\":\"goods.tools.power\",\"district\":\"mapo\",\"details\":{\"goods\":"
                + "{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(2);
        String loan = as(family.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\",\"message\":\"For the shelves, " + nonce + "\"}")
                .post("/api/loans").then().statusCode(201).extract().path("id");
        as(family.token()).contentType(ContentType.JSON).body("{\"body\":\"Call me on 010-1234-" + nonce + "\"}")
                .post("/api/loans/" + loan + "/messages").then().statusCode(201);
        String transfer = Households.pay(family.token(), Households.key(), "{\"to\":\"" + lender.accountId()
                + "\",\"minutes\":30,\"memo\":\"For the lessons, " + nonce + "\"}").then().statusCode(201).extract().path("id");
        Eventually.within(20, "the kettle in search", () -> as(null).queryParam("q", nonce).get("/api/listings")
                .then().extract().jsonPath().getList("items.id").contains(kettle));

        // Open first: the loan request. The answer says what, and nothing is erased.
        as(family.token()).get("/api/me/erasure").then().statusCode(200).body("possible", equalTo(false))
                .body("open.field", hasItem("loans/" + loan));
        as(family.token()).contentType(ContentType.JSON).body("{\"confirm\":\"ERASE\"}").post("/api/me/erasure").then()
                .statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("loans/" + loan));
        assertEquals(name, Database.one("select display_name from resident where id = ?", residentId).get("display_name"));
        as(family.token()).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/cancel").then().statusCode(200);
        // The household's minutes are not left in an empty household (decision 0008): they give them away first.
        as(family.token()).get("/api/me/erasure").then().statusCode(200).body("possible", equalTo(false))
                .body("open.field", hasItem("balance/90"));
        Households.pay(family.token(), Households.key(), "{\"to\":\"" + lender.accountId() + "\",\"minutes\":90}")
                .then().statusCode(201);
        long familyBalance = Households.balance(family.token());
        long lenderBalance = Households.balance(lender.token());
        assertEquals(0, familyBalance);
        as(family.token()).contentType(ContentType.JSON).body("{\"confirm\":\"yes\"}").post("/api/me/erasure").then()
                .statusCode(400).body("errors.field", hasItem("confirm"));

        JsonPath erased = as(family.token()).contentType(ContentType.JSON).body("{\"confirm\":\"ERASE\"}")
                .post("/api/me/erasure").then().statusCode(200).extract().jsonPath();
        assertEquals(residentId, erased.getString("residentId"));
        assertEquals("DELETED", erased.getString("keycloakAccount"));

        // Nothing that said who they were is left, in any text column of any table.
        assertEquals(List.of(), whereFound(email, name, nonce, family.person().username()));
        Map<String, Object> after = Database.one("select display_name, email, household_id, erased_at from resident where id = ?",
                residentId);
        assertEquals("Erased resident", after.get("display_name"));
        assertNull(after.get("email"));
        assertNull(after.get("household_id"));
        assertNotNull(after.get("erased_at"));
        assertEquals("Erased household", Database.one("select name from household where id = ?", family.householdId())
                .get("name"));
        assertEquals("WITHDRAWN", Database.one("select status from listing where id = ?", kettle).get("status"));
        assertEquals(0, Database.count("select count(*) from listing_photo where listing_id = ?", kettle), "the photo " + photo);
        Eventually.within(20, "the kettle out of search", () -> !as(null).queryParam("q", "kettle").get("/api/listings")
                .then().extract().jsonPath().getList("items.id").contains(kettle));
        assertEquals(0, Database.count("select count(*) from notification where resident_id = ?", residentId));

        // The minutes stay where they went: the transfer, both balances, the books and the chain.
        assertEquals(30, ((Number) Database.one("select minutes from tb_transfer where id = ?", transfer).get("minutes")).intValue());
        assertEquals(familyBalance, ((Number) Database.one("select balance from tb_account where id = ?", family.accountId())
                .get("balance")).longValue());
        assertEquals(lenderBalance, Households.balance(lender.token()));
        JsonPath check = as(Keycloak.token("ada", "ada")).get("/api/timebank/ledger/check").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(check.getBoolean("verified"), check.prettify());
        assertEquals(0L, check.getLong("sumOfBalances"));
        assertTrue(check.getList("accountsOutOfBalance").isEmpty());

        // The account is gone from Keycloak, and a token issued before is refused.
        assertThrows(Throwable.class, () -> family.person().token(), "Keycloak still signs the erased person in");
        as(family.token()).get("/api/me").then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("account-erased"));
        // The lender keeps the record of their item's loan; the erasure is on the record.
        as(lender.token()).get("/api/loans/" + loan).then().statusCode(200);
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'resident.erased' and target_id = ? "
                + "and actor_id = ?", residentId, residentId));
    }

    @Test
    void staff_erase_an_account_at_the_residents_request_with_the_request_on_the_record() {
        Member resident = Households.newHousehold("On request");
        Keycloak.Person staffPerson = Keycloak.newPerson("staff");
        String staff = staffPerson.token();
        String residentId = (String) Database.residentBySubject(resident.person().id()).get("id");
        String staffId = (String) as(staff).get("/api/me").then().statusCode(200).extract().path("id");

        as(staff).contentType(ContentType.JSON).body("{\"confirm\":\"ERASE\"}").post("/api/residents/" + residentId + "/erasure")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as(resident.token()).contentType(ContentType.JSON).body("{\"reason\":\"Mine\",\"confirm\":\"ERASE\"}")
                .post("/api/residents/" + residentId + "/erasure").then().statusCode(403);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Me\",\"confirm\":\"ERASE\"}")
                .post("/api/residents/" + staffId + "/erasure").then().statusCode(400).body("errors.field", hasItem("id"));

        String reason = "Asked in person at the Mapo community centre, 2026-11-24, identity card seen";
        // Their household's welcome minutes would be left in an empty household: refused, saying so.
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\",\"confirm\":\"ERASE\"}")
                .post("/api/residents/" + residentId + "/erasure").then().statusCode(409)
                .body("errors.field", hasItem("balance/120"));
        Households.pay(resident.token(), Households.key(), "{\"to\":\"00000000-0000-4000-8000-0000000000e2\","
                + "\"minutes\":120,\"memo\":\"For the neighbourhood\"}").then().statusCode(201);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"" + reason + "\",\"confirm\":\"ERASE\"}")
                .post("/api/residents/" + residentId + "/erasure").then().statusCode(200)
                .body("keycloakAccount", equalTo("DELETED"));
        Map<String, Object> e = Database.one("select requested_by, on_behalf, reason from erasure where resident_id = ?", residentId);
        assertEquals(staffId, e.get("requested_by"));
        assertEquals(Boolean.TRUE, e.get("on_behalf"));
        assertEquals(reason, e.get("reason"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'resident.erased' and target_id = ? "
                + "and actor_id = ? and actor_kind = 'STAFF' and reason = ?", residentId, staffId, reason));
        // Once is enough.
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Again\",\"confirm\":\"ERASE\"}")
                .post("/api/residents/" + residentId + "/erasure").then().statusCode(403);
        assertFalse(Database.count("select count(*) from resident where id = ? and erased_at is not null", residentId) == 0);
    }

    /**
     * Keycloak's admin client refused (a wrong secret): the erasure still happens in Nanum and says
     * the account's deletion is PENDING; without a secret at all it says NOT_CONFIGURED. Either way
     * nothing of the person is left in Nanum.
     */
    @Test
    void without_keycloaks_admin_access_the_erasure_happens_and_says_what_is_left_to_do() throws Exception {
        for (String[] c : new String[][] {{"wrong-secret", "PENDING"}, {"", "NOT_CONFIGURED"}}) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("NANUM_DB_KIND", "postgresql",
                    "NANUM_INDEX_DIR", java.nio.file.Path.of("target", "erasure-index").toAbsolutePath().toString(),
                    "NANUM_KEYCLOAK_ADMIN_CLIENT_SECRET", c[0]));
            try (org.nanum.testsupport.StandaloneServer server = org.nanum.testsupport.StandaloneServer.start(env)) {
                Keycloak.Person person = Keycloak.newPerson();
                String token = person.token();
                org.nanum.testsupport.StandaloneServer.as(token).contentType(ContentType.JSON)
                        .body("{\"name\":\"Keycloak away\"}").post("/api/households").then().statusCode(201);
                String id = org.nanum.testsupport.StandaloneServer.as(token).get("/api/me").then().statusCode(200)
                        .extract().path("id");
                org.nanum.testsupport.StandaloneServer.as(token).contentType(ContentType.JSON).body("{\"confirm\":\"ERASE\"}")
                        .post("/api/me/erasure").then().statusCode(200).body("keycloakAccount", equalTo(c[1]));
                Map<String, Object> e = Database.one("select keycloak_status, keycloak_subject from erasure where resident_id = ?", id);
                assertEquals(c[1], e.get("keycloak_status"));
                assertEquals(person.id(), e.get("keycloak_subject"), "kept until the account is deleted");
                assertEquals("Erased resident", Database.one("select display_name from resident where id = ?", id)
                        .get("display_name"));
                // Keycloak still signs them in (nobody deleted the account), but Nanum refuses them.
                org.nanum.testsupport.StandaloneServer.as(person.token()).get("/api/me").then().statusCode(403);
            }
        }
    }
}
