package org.nanum.platform.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * The import API through the real server, PostgreSQL and Keycloak: listings created once and
 * published or kept for review by the rules, unchanged on a second import, updated when the source
 * changed, left alone when someone changed them in Nanum; a dry run writes nothing; a time bank's
 * history keeps the books balanced and its hash chain whole, and a member becomes themselves on
 * their first sign-in. (ImportCommandIT drives the same API with the real files and the tool.)
 */
@ExtendWith(ArquillianExtension.class)
class ImportApiIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String source() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonPath post(String token, String what, String source, boolean dryRun, List<Map<String, Object>> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("dryRun", dryRun);
        body.put("records", records);
        return NanumDeployment.as(token).contentType(ContentType.JSON).body(json(body)).post("/api/import/" + what)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String json(Map<String, Object> body) {
        return jakarta.json.Json.createObjectBuilder(body).build().toString();
    }

    private static Map<String, Object> listing(String id, int line, String kind, String title, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("externalId", id);
        m.put("line", line);
        m.put("kind", kind);
        m.put("title", title);
        m.put("description", title + ", described at length by its library.");
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** A second staff member approves a waiting batch. */
    private static void approve(String batch) {
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Checked against the old system's export\"}")
                .post("/api/import/approvals/" + batch + "/approve").then().statusCode(200);
    }

    private static Map<String, Object> outcome(JsonPath answer, String externalId) {
        List<Map<String, Object>> all = answer.getList("outcomes");
        return all.stream().filter(o -> externalId.equals(o.get("externalId"))).findFirst().orElseThrow();
    }

    private static long tableRows(String source) {
        return Database.count("select count(*) from import_record where source = ?", source)
                + Database.count("select count(*) from listing") + Database.count("select count(*) from audit_record")
                + Database.count("select count(*) from resident") + Database.count("select count(*) from tb_transfer");
    }

    @Test
    void listings_are_created_once_updated_when_the_source_changes_and_never_over_a_change_made_in_nanum() {
        String staff = Keycloak.newPerson("staff").token();
        String source = source();
        String nonce = "zq" + UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> records = new ArrayList<>(List.of(
                listing("drill", 2, "GOODS", "Cordless drill " + nonce, "category", "goods.tools.power",
                        "condition", "GOOD", "loanPeriodDays", 14, "replacementValueKrw", 120000),
                listing("kit", 3, "GOODS", "Science kit " + nonce, "sourceCategories", List.of("Educational Kits")),
                listing("garden-help", 4, "SERVICE", "Help in the garden " + nonce, "category", "service.home.gardening"),
                listing("sitting", 5, "CHILDCARE", "Babysitting on Fridays " + nonce, "direction", "REQUEST",
                        "category", "childcare.babysitting"),
                listing("hall", 6, "SPACE", "Community hall " + nonce, "category", "space.hall"),
                listing("wrong-kind", 7, "GOODS", "Ladder " + nonce, "category", "service.home"),
                listing("orphan", 8, "GOODS", "Saw " + nonce, "category", "goods.tools.hand", "ownerExternalId", "nobody")));
        JsonPath first = post(staff, "listings", source, false, records);
        assertEquals(4, first.getInt("created"), first.prettify());
        assertEquals(3, first.getInt("errors"));
        assertEquals(3, first.getInt("review"));
        assertEquals("kind", outcome(first, "hall").get("field"));
        assertEquals("category", outcome(first, "wrong-kind").get("field"));
        assertEquals("ownerExternalId", outcome(first, "orphan").get("field"));
        assertEquals(8, ((Number) outcome(first, "orphan").get("line")).intValue());

        // A complete listing is the city's and is published (and found); incomplete ones are drafts for staff.
        String drill = (String) outcome(first, "drill").get("id");
        assertEquals(false, outcome(first, "drill").get("review"));
        Map<String, Object> row = Database.one("select status, owner_type, category_code from listing where id = ?", drill);
        assertEquals("PUBLISHED", row.get("status"));
        assertEquals("CITY", row.get("owner_type"));
        Eventually.within(20, "the imported drill in search", () -> NanumDeployment.as(null).queryParam("q", nonce)
                .get("/api/listings").then().statusCode(200).extract().jsonPath().getList("items.id").contains(drill));
        String kit = (String) outcome(first, "kit").get("id");
        assertTrue(((String) outcome(first, "kit").get("reason")).contains("no Nanum category for Educational Kits"));
        row = Database.one("select status, category_code from listing where id = ?", kit);
        assertEquals("DRAFT", row.get("status"));
        assertEquals("goods", row.get("category_code"));
        String garden = (String) outcome(first, "garden-help").get("id");
        row = Database.one("select l.owner_type, r.display_name, r.subject from listing l join resident r on r.id = l.owner_id "
                + "where l.id = ?", garden);
        assertEquals("RESIDENT", row.get("owner_type"));
        assertEquals(source + " (imported)", row.get("display_name"));
        assertNull(row.get("subject"), "the source's own account never signs in");
        String sitting = (String) outcome(first, "sitting").get("id");
        assertEquals("HOUSEHOLD", Database.one("select owner_type from listing where id = ?", sitting).get("owner_type"));
        assertEquals("DRAFT", Database.one("select status from listing where id = ?", sitting).get("status"));
        assertEquals(4, Database.count("select count(*) from audit_record where action = 'catalogue.listing-imported' "
                + "and reason like ?", source + " %"));

        // Staff see what waits for them; a draft its source did not complete cannot be published as it is.
        NanumDeployment.as(staff).queryParam("source", source).get("/api/import/review").then().statusCode(200)
                .body("externalId", hasItem("kit")).body("externalId", hasItem("sitting"));
        NanumDeployment.as(staff).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}")
                .put("/api/listings/" + kit + "/status").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("details.goods.condition"));

        // The same file again changes nothing at all.
        long before = tableRows(source);
        JsonPath again = post(staff, "listings", source, false, records);
        assertEquals(0, again.getInt("created") + again.getInt("updated"), again.prettify());
        assertEquals(4, again.getInt("unchanged"));
        assertEquals(before, tableRows(source));

        // A newer file updates what changed.
        records.set(0, listing("drill", 2, "GOODS", "Cordless drill, two batteries " + nonce, "category",
                "goods.tools.power", "condition", "GOOD", "loanPeriodDays", 14, "replacementValueKrw", 120000));
        JsonPath changed = post(staff, "listings", source, false, records);
        assertEquals("UPDATED", outcome(changed, "drill").get("outcome"));
        assertEquals("Cordless drill, two batteries " + nonce, Database.one("select title from listing where id = ?", drill)
                .get("title"));

        // A newer file that says what the kit lacked: the untouched draft is completed and published.
        records.set(1, listing("kit", 3, "GOODS", "Science kit " + nonce, "category", "goods.children",
                "condition", "GOOD", "loanPeriodDays", 14));
        JsonPath completed = post(staff, "listings", source, false, records);
        assertEquals("UPDATED", outcome(completed, "kit").get("outcome"), completed.prettify());
        assertEquals(false, outcome(completed, "kit").get("review"));
        assertEquals("PUBLISHED", Database.one("select status from listing where id = ?", kit).get("status"));

        // A poorer record (the condition gone) never makes a published listing incomplete.
        records.set(0, listing("drill", 2, "GOODS", "Drill, condition unknown " + nonce, "category", "goods.tools.power",
                "loanPeriodDays", 14));
        JsonPath poorer = post(staff, "listings", source, false, records);
        assertEquals("SKIPPED", outcome(poorer, "drill").get("outcome"), poorer.prettify());
        assertTrue(((String) outcome(poorer, "drill").get("reason")).contains("no condition"));
        assertEquals("Cordless drill, two batteries " + nonce, Database.one("select title from listing where id = ?", drill)
                .get("title"));

        // Staff change it in Nanum: the next import leaves their change alone and says so.
        NanumDeployment.as(staff).contentType(ContentType.JSON).body(json(Map.of("kind", "GOODS", "ownerType", "CITY",
                        "title", "Drill (checked by staff) " + nonce, "description", "Two batteries, one charger.",
                        "category", "goods.tools.power", "details", Map.of("goods", Map.of("condition", "FAIR",
                                "loanPeriodDays", 7)))))
                .put("/api/listings/" + drill).then().statusCode(200);
        records.set(0, listing("drill", 2, "GOODS", "Cordless drill, three batteries " + nonce, "category",
                "goods.tools.power", "condition", "GOOD", "loanPeriodDays", 14));
        JsonPath third = post(staff, "listings", source, false, records);
        assertEquals("SKIPPED", outcome(third, "drill").get("outcome"));
        assertTrue(((String) outcome(third, "drill").get("reason")).contains("changed in Nanum"));
        assertEquals("Drill (checked by staff) " + nonce, Database.one("select title from listing where id = ?", drill)
                .get("title"));
    }

    @Test
    void a_dry_run_reports_what_would_happen_and_writes_nothing() {
        String staff = Keycloak.newPerson("staff").token();
        String source = source();
        List<Map<String, Object>> records = List.of(
                listing("a", 2, "GOODS", "Tent for four", "category", "goods.camping", "condition", "GOOD",
                        "loanPeriodDays", 7),
                listing("b", 3, "GOODS", "Lantern"),
                listing("c", 4, "GOODS", "x".repeat(121)));
        post(staff, "listings", source, false, List.of(listing("b", 3, "GOODS", "Lantern")));
        long before = tableRows(source);
        JsonPath dry = post(staff, "listings", source, true, records);
        assertTrue(dry.getBoolean("dryRun"));
        assertEquals(1, dry.getInt("created"), dry.prettify());
        assertEquals(1, dry.getInt("unchanged"));
        assertEquals(1, dry.getInt("errors"));
        assertEquals("title", outcome(dry, "c").get("field"));
        assertNull(outcome(dry, "a").get("id"), "nothing was created, so there is no id to give");
        assertEquals(before, tableRows(source));
    }

    @Test
    void a_time_banks_history_keeps_the_books_balanced_and_a_member_becomes_themselves_on_first_sign_in() {
        String staff = Keycloak.newPerson("staff").token();
        Keycloak.Person ana = Keycloak.newPerson();
        String source = source();
        String anaEmail = ana.username() + "@test.nanum.local";
        JsonPath members = post(staff, "members", source, false, List.of(
                Map.of("externalId", "1", "line", 2, "name", "Ana (time bank)", "email", anaEmail.toUpperCase(),
                        "phone", "+82 10 0000 0000"),
                Map.of("externalId", "2", "line", 3, "name", "Bo"),
                Map.of("externalId", "3", "line", 4, "name", "Chul", "email", "not-an-email")));
        assertEquals(2, members.getInt("created"), members.prettify());
        assertEquals("email", outcome(members, "3").get("field"));
        JsonPath fixed = post(staff, "members", source, false, List.of(
                Map.of("externalId", "3", "line", 4, "name", "Chul", "email", "chul-" + source + "@example.org")));
        assertEquals(1, fixed.getInt("created"));
        String anaResident = (String) outcome(members, "1").get("id");
        assertNull(Database.one("select subject from resident where id = ?", anaResident).get("subject"));

        // History beyond today's limits (a floor of -600 minutes) is still history: it is recorded once a second
        // person approved what would leave a household beyond its limits (decision 0008: imports cannot mint).
        List<Map<String, Object>> transfers = List.of(
                Map.of("externalId", "t1", "line", 2, "fromMember", "1", "toMember", "2", "minutes", 3000,
                        "at", "2019-05-01T10:00:00Z", "memo", "A summer of tutoring"),
                Map.of("externalId", "t2", "line", 3, "fromMember", "time-bank", "toMember", "3", "minutes", 60,
                        "at", "2019-06-01T10:00:00Z"),
                Map.of("externalId", "t3", "line", 4, "fromMember", "2", "toMember", "1", "minutes", 30,
                        "at", "2019-07-01T10:00:00Z"),
                Map.of("externalId", "t4", "line", 5, "fromMember", "9", "toMember", "1", "minutes", 30,
                        "at", "2019-07-01T10:00:00Z"));
        JsonPath moved = post(staff, "transfers", source, false, transfers);
        assertEquals(1, moved.getInt("created"), moved.prettify());
        assertEquals(2, moved.getInt("awaitingApproval"), moved.prettify());
        assertEquals("AWAITING_APPROVAL", outcome(moved, "t1").get("outcome"));
        assertEquals("fromMember", outcome(moved, "t4").get("field"));
        String batch = (String) outcome(moved, "t1").get("id");
        assertEquals(0, Database.count("select count(*) from import_record where source = ? and external_id = 't1'", source));
        approve(batch);
        JsonPath again = post(staff, "transfers", source, false, transfers.subList(0, 3));
        String t1 = (String) outcome(again, "t1").get("id");
        Map<String, Object> t = Database.one("select kind, minutes, created_at from tb_transfer where id = ?", t1);
        assertEquals("IMPORTED", t.get("kind"));
        assertTrue(t.get("created_at").toString().startsWith("2019-05-01"), t.toString());
        assertEquals("A summer of tutoring", Database.one("select memo from tb_transfer_note where transfer_id = ?", t1)
                .get("memo"));

        long before = tableRows(source);
        JsonPath twice = post(staff, "transfers", source, false, transfers.subList(0, 3));
        assertEquals(3, twice.getInt("unchanged"), twice.prettify());
        assertEquals(before, tableRows(source));
        JsonPath altered = post(staff, "transfers", source, false, List.of(Map.of("externalId", "t3", "line", 4,
                "fromMember", "2", "toMember", "1", "minutes", 45, "at", "2019-07-01T10:00:00Z")));
        assertEquals("externalId", outcome(altered, "t3").get("field"));

        // The old system's balances: Ana -2900 (history says -2970), Bo 2970 (matches), Chul 120 (history 60).
        List<Map<String, Object>> balances = List.of(Map.of("externalId", "1", "line", 2, "minutes", -2900),
                Map.of("externalId", "2", "line", 3, "minutes", 2970), Map.of("externalId", "3", "line", 4, "minutes", 120));
        JsonPath opened = post(staff, "balances", source, false, balances);
        assertEquals(1, opened.getInt("created"), opened.prettify());
        assertEquals("UNCHANGED", outcome(opened, "2").get("outcome"));
        // Ana's -2900 is beyond the floor: it waits, and sent again it still waits, once.
        assertEquals("AWAITING_APPROVAL", outcome(opened, "1").get("outcome"));
        JsonPath resent = post(staff, "balances", source, false, balances);
        assertEquals(0, resent.getInt("created"));
        assertEquals("AWAITING_APPROVAL", outcome(resent, "1").get("outcome"));
        assertEquals(1, Database.count("select count(*) from import_approval where source = ? and kind = 'BALANCE' "
                + "and status = 'PENDING'", source));
        approve((String) outcome(opened, "1").get("id"));
        assertEquals("UNCHANGED", outcome(post(staff, "balances", source, false, balances), "1").get("outcome"));
        String opening = (String) Database.one("select target_id from import_record where source = ? and kind = 'BALANCE' "
                + "and external_id = '1'", source).get("target_id");
        Map<String, Object> o = Database.one("select kind, minutes, from_account, created_at from tb_transfer where id = ?", opening);
        assertEquals("OPENING", o.get("kind"));
        assertEquals(70, ((Number) o.get("minutes")).intValue());
        assertTrue(o.get("created_at").toString().startsWith("2019-05-01"), "just before the first imported transfer: " + o);

        // The books: every balance sums to zero, each account is what its journal says, the chain verifies.
        JsonPath check = NanumDeployment.as(Keycloak.token("ada", "ada")).get("/api/timebank/ledger/check").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(check.getBoolean("verified"), check.prettify());
        assertEquals(0L, check.getLong("sumOfBalances"));
        assertTrue(check.getList("accountsOutOfBalance").isEmpty(), check.prettify());

        // Ana signs in for the first time with the email Keycloak verified: she is the imported member.
        JsonPath me = NanumDeployment.as(ana.token()).get("/api/me").then().statusCode(200).extract().jsonPath();
        assertEquals(anaResident, me.getString("id"));
        assertNotNull(Database.one("select subject from resident where id = ?", anaResident).get("subject"));
        NanumDeployment.as(ana.token()).get("/api/timebank/accounts/mine").then().statusCode(200)
                .body("balance", org.hamcrest.Matchers.equalTo(-2900));
        // Her record is hers now: a later import does not rename her.
        JsonPath renamed = post(staff, "members", source, false, List.of(
                Map.of("externalId", "1", "line", 2, "name", "Ana K.", "email", anaEmail)));
        assertEquals("SKIPPED", outcome(renamed, "1").get("outcome"));
        assertFalse("Ana K.".equals(Database.one("select display_name from resident where id = ?", anaResident)
                .get("display_name")));
    }

    @Test
    void a_batch_without_a_source_or_with_too_many_records_is_refused_whole() {
        String staff = Keycloak.newPerson("staff").token();
        NanumDeployment.as(staff).contentType(ContentType.JSON).body(json(Map.of("records", List.of(listing("a", 1, "GOODS", "A")))))
                .post("/api/import/listings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("source")));
        NanumDeployment.as(staff).contentType(ContentType.JSON).body(json(Map.of("source", "../etc",
                        "records", List.of(listing("a", 1, "GOODS", "A")))))
                .post("/api/import/listings").then().statusCode(400).body("errors.field", hasItem(containsString("source")));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Map.of("externalId", "m" + i, "line", i + 2, "name", "Member " + i));
        }
        String source = source();
        NanumDeployment.as(staff).contentType(ContentType.JSON).body(json(Map.of("source", source, "records", many)))
                .post("/api/import/members").then().statusCode(400).body("errors.field", hasItem(containsString("records")));
        assertEquals(0, Database.count("select count(*) from import_record where source = ?", source));
    }

    /** The OpenAPI document describes each batch with its own kind of record (no generic schema shared by all). */
    @Test
    void the_openapi_document_names_each_batchs_records() {
        JsonPath doc = NanumDeployment.as(null).queryParam("format", "JSON").get("/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> expected = Map.of("listings", "ImportedListing", "members", "ImportedMember",
                "transfers", "ImportedTransfer", "balances", "ImportedBalance");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String ref = doc.getString("paths.'/api/import/" + e.getKey() + "'.post.requestBody.content.'application/json'.schema.'$ref'");
            assertNotNull(ref, e.getKey());
            String schema = ref.substring(ref.lastIndexOf('/') + 1);
            String items = doc.getString("components.schemas." + schema + ".properties.records.items.'$ref'");
            assertTrue(items != null && items.endsWith("/" + e.getValue()), e.getKey() + ": " + schema + " holds " + items);
        }
    }

    /**
     * Imports cannot mint (decision 0008). Before, the import tool's token (or any one staff
     * member) could post an opening balance of 5,000 minutes for a member whose email they
     * control, and claim it: this test failed there with 1 created where it now waits.
     */
    @Test
    void an_opening_balance_that_would_mint_waits_for_a_second_person_who_is_a_person() {
        String importer = Keycloak.newPerson("staff").token();
        Keycloak.Person insider = Keycloak.newPerson("staff");
        String source = source();
        post(importer, "members", source, false, List.of(
                Map.of("externalId", "m1", "line", 2, "name", "Min (time bank)", "email", insider.username() + "@test.nanum.local"),
                Map.of("externalId", "m2", "line", 3, "name", "Su (time bank)")));
        // The insider signs in: their verified email makes the imported member theirs, household and all.
        NanumDeployment.as(insider.token()).get("/api/me").then().statusCode(200);
        long transfers = Database.count("select count(*) from tb_transfer");

        JsonPath answer = post(importer, "balances", source, false, List.of(Map.of("externalId", "m1", "line", 2, "minutes", 5000),
                Map.of("externalId", "m2", "line", 3, "minutes", 90)));
        assertEquals("AWAITING_APPROVAL", outcome(answer, "m1").get("outcome"), answer.prettify());
        assertTrue(((String) outcome(answer, "m1").get("reason")).contains("ceiling"), answer.prettify());
        assertEquals("CREATED", outcome(answer, "m2").get("outcome"), "within the limits and the allowance: in at once");
        assertEquals(transfers + 1, Database.count("select count(*) from tb_transfer"), "nothing of m1 is posted");
        String batch = (String) outcome(answer, "m1").get("id");
        JsonPath waiting = NanumDeployment.as(importer).get("/api/import/approvals").then().statusCode(200).extract().jsonPath();
        assertTrue(waiting.getList("batchId").contains(batch));

        String body = "{\"reason\":\"Compared with the old system's balance sheet\"}";
        String path = "/api/import/approvals/" + batch + "/approve";
        // Not the importer, not a program, not the household it credits, not a resident.
        NanumDeployment.as(importer).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:nanum:problem:not-a-second-person"));
        NanumDeployment.as(Keycloak.serviceAccountToken("staff")).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(403).body("type", org.hamcrest.Matchers.equalTo("urn:nanum:problem:not-a-second-person"));
        NanumDeployment.as(insider.token()).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:nanum:problem:not-a-second-person"));
        NanumDeployment.as(Keycloak.newPerson().token()).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(403);
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON).body("{}").post(path).then()
                .statusCode(400);
        assertEquals(transfers + 1, Database.count("select count(*) from tb_transfer"));

        // A second person approves: posted as sent, on the record and on the public log.
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.hasItem("APPROVED"));
        NanumDeployment.as(insider.token()).get("/api/timebank/accounts/mine").then().statusCode(200)
                .body("balance", org.hamcrest.Matchers.equalTo(5000));
        assertEquals("UNCHANGED", outcome(post(importer, "balances", source, false,
                List.of(Map.of("externalId", "m1", "line", 2, "minutes", 5000))), "m1").get("outcome"));
        NanumDeployment.as(null).get("/api/transparency/log?action=IMPORT_APPROVED").then().statusCode(200)
                .body("entries.caseId", org.hamcrest.Matchers.hasItem(batch));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'import.approved' and target_id = ?",
                batch));
        JsonPath check = NanumDeployment.as(Keycloak.token("ada", "ada")).get("/api/timebank/ledger/check").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(check.getBoolean("verified"), check.prettify());
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(404);
        // A correction of imported history: staff reverse the opening balance back to the migration account.
        String opening = (String) Database.one("select target_id from import_record where source = ? and kind = 'BALANCE' "
                + "and external_id = 'm1'", source).get("target_id");
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON)
                .body("{\"reason\":\"The old system counted hours twice\"}").post("/api/timebank/transfers/" + opening + "/reversal")
                .then().statusCode(201).body("toAccount", org.hamcrest.Matchers.equalTo("00000000-0000-4000-8000-0000000000e3"));
        NanumDeployment.as(insider.token()).get("/api/timebank/accounts/mine").then().statusCode(200)
                .body("balance", org.hamcrest.Matchers.equalTo(0));
        JsonPath after = NanumDeployment.as(Keycloak.token("ada", "ada")).get("/api/timebank/ledger/check").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(after.getBoolean("verified"), after.prettify());
        assertTrue(after.getLong("moneySupply.migration.byKind.'REVERSAL:OPENING'") >= 5000, after.prettify());
    }

    /** One person's imports bring at most TIMEBANK_IMPORT_REVIEW_MINUTES into circulation a day; a batch is judged whole. */
    @Test
    void a_batch_over_the_daily_allowance_waits_whole_and_split_batches_do_not_escape_it() {
        String importer = Keycloak.newPerson("staff").token();
        String source = source();
        post(importer, "members", source, false, List.of(Map.of("externalId", "a", "line", 2, "name", "A"),
                Map.of("externalId", "b", "line", 3, "name", "B"), Map.of("externalId", "c", "line", 4, "name", "C")));
        JsonPath whole = post(importer, "balances", source, false, List.of(Map.of("externalId", "a", "line", 2, "minutes", 3000),
                Map.of("externalId", "b", "line", 3, "minutes", 3001)));
        assertEquals(2, whole.getInt("awaitingApproval"), whole.prettify());
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Reject: split it\"}").post("/api/import/approvals/" + outcome(whole, "a").get("id")
                        + "/reject").then().statusCode(200);
        // Split in two, the second batch still counts what the first brought in.
        assertEquals(1, post(importer, "balances", source, false, List.of(Map.of("externalId", "a", "line", 2, "minutes", 3000)))
                .getInt("created"));
        assertEquals(1, post(importer, "balances", source, false, List.of(Map.of("externalId", "b", "line", 3, "minutes", 2999)))
                .getInt("created"));
        assertEquals(1, post(importer, "balances", source, false, List.of(Map.of("externalId", "c", "line", 4, "minutes", 2)))
                .getInt("awaitingApproval"));
    }

    /** Whoever has a member's email may claim their history: a file alone never changes it. */
    @Test
    void an_unclaimed_members_new_email_waits_for_a_second_person() {
        String importer = Keycloak.newPerson("staff").token();
        String source = source();
        String id = (String) outcome(post(importer, "members", source, false, List.of(Map.of("externalId", "e", "line", 2,
                "name", "Eun", "email", "eun-" + source + "@example.org"))), "e").get("id");
        JsonPath changed = post(importer, "members", source, false, List.of(Map.of("externalId", "e", "line", 2,
                "name", "Eun", "email", "attacker-" + source + "@example.org")));
        assertEquals("AWAITING_APPROVAL", outcome(changed, "e").get("outcome"), changed.prettify());
        assertEquals("eun-" + source + "@example.org", Database.one("select email from resident where id = ?", id).get("email"));
        NanumDeployment.as(Keycloak.newPerson("staff").token()).contentType(ContentType.JSON)
                .body("{\"reason\":\"The member wrote to say their address changed\"}")
                .post("/api/import/approvals/" + outcome(changed, "e").get("id") + "/approve").then().statusCode(200);
        assertEquals("attacker-" + source + "@example.org", Database.one("select email from resident where id = ?", id)
                .get("email"));
    }
}
