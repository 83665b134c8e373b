package org.nanum.council;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.council.CouncilIT.council;
import static org.nanum.council.CouncilIT.person;
import static org.nanum.council.CouncilIT.post;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.council.CouncilIT.Person;
import org.nanum.council.application.SmallCellSuppression;
import org.nanum.council.application.SmallCellSuppression.Key;
import org.nanum.council.application.SmallCellSuppression.Relation;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.NanumDeployment;

/**
 * The usage report through the real server, over a month of the past that only this test fills
 * (its rows are moved there, as if made then): the figures, what is withheld and that it cannot be
 * recalculated from what is published, the whole-month rule, the digest, CSV, and who may read it.
 */
@ExtendWith(ArquillianExtension.class)
class UsageReportIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String MONTH = "2019-03";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static Person member;
    private static final List<String> loans = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String published(String token, String title, String district) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Lent with care\",\"category\":\"goods.tools.power\",\"district\":\"" + district
                        + "\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    /** An item lent to a new borrower, with the rows moved into March 2019. */
    private static void lentIn(String district, String owner) {
        String item = published(owner, "Report drill", district);
        LocalDate day = LocalDate.now(SEOUL).plusDays(2);
        String loan = post(person().token(), "/api/loans", "{\"itemId\":\"" + item + "\",\"firstDay\":\"" + day
                + "\",\"lastDay\":\"" + day + "\"}").then().statusCode(201).extract().path("id");
        post(owner, "/api/loans/" + loan + "/approve", "{}").then().statusCode(200);
        Database.execute("update listing set created_at = timestamp '2019-03-05 10:00:00' where id = ?", item);
        Database.execute("update loan set created_at = timestamp '2019-03-06 10:00:00', first_day = date '2019-03-10', "
                + "last_day = date '2019-03-10' where id = ?", loan);
        loans.add(loan);
    }

    @BeforeAll
    static void march2019() {
        Person admin = person("admin");
        member = person("council");
        council(admin.token(), 365, member);
        // Six borrowers in Mapo, two in Jongno; one owner each side.
        String mapoOwner = person().token();
        String jongnoOwner = person().token();
        for (int i = 0; i < 6; i++) {
            lentIn("mapo", mapoOwner);
        }
        for (int i = 0; i < 2; i++) {
            lentIn("jongno", jongnoOwner);
        }
    }

    private static JsonPath report(String token, String query) {
        return as(token).get("/api/council/reports/usage?" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void small_cells_are_withheld_and_cannot_be_recalculated_from_what_is_published() {
        JsonPath r = report(member.token(), "from=" + MONTH + "&to=" + MONTH + "&groupBy=district");
        assertEquals("usage-1", r.getString("queryVersion"));
        assertEquals(MONTH, r.getString("from"));
        // The total is published; Jongno's two borrowers are withheld, and so is Mapo (else 8 - 6 gives 2 away).
        assertEquals(8.0, r.getDouble("rows.find { it.group == 'ALL' }.values.LOANS_MADE"));
        assertTrue(r.getList("rows.find { it.group == 'jongno' }.withheld").containsAll(List.of("LOANS_MADE",
                "CARBON_AVOIDED_KG")));
        assertTrue(r.getList("rows.find { it.group == 'mapo' }.withheld").contains("LOANS_MADE"));
        org.junit.jupiter.api.Assertions.assertNull(r.get("rows.find { it.group == 'jongno' }.values.LOANS_MADE"));
        // Listings: six in Mapo from one owner, two in Jongno from another: both withheld (one person each).
        assertTrue(r.getList("rows.find { it.group == 'mapo' }.withheld").contains("LISTINGS_PUBLISHED"));

        // The attacker's view: every published cell, the totals the table states, and nothing else.
        List<Map<String, Object>> rows = r.getList("rows");
        Map<Key, Long> published = new HashMap<>();
        Set<Key> withheld = new HashSet<>();
        List<String> groups = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String g = (String) row.get("group");
            if (!"ALL".equals(g)) {
                groups.add(g);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) row.get("values");
            values.forEach((m, v) -> {
                if (v == null) {
                    withheld.add(new Key(g, m));
                } else {
                    published.put(new Key(g, m), Math.round(((Number) v).doubleValue() * 10));
                }
            });
        }
        assertFalse(withheld.isEmpty());
        List<Relation> relations = new ArrayList<>();
        for (String m : List.of("LISTINGS_PUBLISHED", "LOANS_MADE", "LOANS_OVERDUE", "BOOKINGS_MADE", "ITEMS_NEVER_BORROWED",
                "CARBON_AVOIDED_KG")) {
            relations.add(new Relation(groups.stream().map(g -> new Key(g, m)).toList(), new Key("ALL", m)));
        }
        relations.add(new Relation(List.of(new Key("ALL", "APPEALS_UPHELD"), new Key("ALL", "APPEALS_OVERTURNED"),
                new Key("ALL", "APPEALS_OPEN")), new Key("ALL", "APPEALS_FILED")));
        for (Key k : withheld) {
            assertFalse(SmallCellSuppression.derivable(published, withheld, relations, k), k + " can be recalculated");
        }
    }

    @Test
    void the_same_data_gives_the_same_digest_and_new_data_another() {
        String q = "from=" + MONTH + "&to=" + MONTH + "&groupBy=month";
        JsonPath first = report(member.token(), q);
        JsonPath again = report(member.token(), q);
        assertEquals(first.getString("digest"), again.getString("digest"));
        assertEquals(64, first.getString("digest").length());
        assertEquals(first.getString("ledgerChainHash"), again.getString("ledgerChainHash"));
        // CSV: the same table and digest; withheld cells marked.
        String csv = as(member.token()).accept("text/csv").get("/api/council/reports/usage?" + q).then().statusCode(200)
                .header("Nanum-Report-Digest", first.getString("digest")).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFgroup,listings_published,loans_made"), "a byte order mark, then the header: " + csv);
        assertTrue(csv.contains("\nALL,"), csv);
        assertTrue(csv.contains("[c]"), csv);
        // One more loan in the month changes the figures, and so the digest.
        lentIn("mapo", person().token());
        assertNotEquals(first.getString("digest"), report(member.token(), q).getString("digest"));
    }

    @Test
    void periods_are_whole_months_that_have_ended() {
        String current = YearMonth.now(SEOUL).toString();
        bad("from=2019-03-05&to=2019-03", "from");
        bad("from=2019-03&to=" + current, "to");
        bad("from=2019-03&to=2019-02", "to");
        bad("from=2019-03&to=2021-03", "to");
        bad("to=2019-03", "from");
        bad("from=2019-03&to=2019-03&groupBy=weekday", "groupBy");
        // A month in which nothing happened is a report too: the total row, all zeros.
        JsonPath empty = report(member.token(), "from=2018-01&to=2018-01&groupBy=district");
        assertEquals(List.of("ALL"), empty.getList("rows.group"));
        assertEquals(0.0, empty.getDouble("rows[0].values.LOANS_MADE"));
    }

    private static void bad(String query, String field) {
        as(member.token()).get("/api/council/reports/usage?" + query).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void council_members_and_admins_read_reports_and_nobody_else() {
        String q = "/api/council/reports/usage?from=" + MONTH + "&to=" + MONTH;
        as(null).get(q).then().statusCode(401);
        as(person().token()).get(q).then().statusCode(403).contentType(PROBLEM);
        as(person("staff").token()).get(q).then().statusCode(403);
        as(person("council").token()).get(q).then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:not-a-council-member"));
        as(person("admin").token()).get(q).then().statusCode(200).body("rows.group", org.hamcrest.Matchers.hasItem("ALL"))
                .body("threshold", equalTo(5)).body("carbonMethod", equalTo("carbon-1"))
                .body("rows.find { it.group == 'ALL' }.values.TIMEBANK_HOURS", equalTo(0.0f));
    }
}
