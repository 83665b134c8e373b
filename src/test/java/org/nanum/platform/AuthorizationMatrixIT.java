package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.lending.Spaces;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;

/**
 * Every operation in the OpenAPI document, called by everyone: anonymous, a resident acting on their
 * own household's objects, a resident of another household acting on those same objects, staff, a
 * council member and an admin. What each may get is the table below, one readable row per
 * operation; the test fails on any cell that differs (above all an unexpected 2xx), on an operation
 * without a row (a new endpoint must say who may call it), and on a row without an operation.
 *
 * <p>Cells: {@code 2xx}; {@code 401} (no sign-in); {@code 403} (not allowed); {@code 404} (not
 * found, or not theirs to see); {@code 4xx} (allowed to ask, but the empty body or the object's
 * state is refused: 400, 409, 413, 415). A 5xx anywhere fails. Bodies are {@code {}}: the matrix
 * is about who may call, the bad-input tests about what they send.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";

    // Where another household's write gets 4xx, not 404: the empty body is refused before the object
    // is looked up; the capabilities' own tests send valid bodies and see the 403 or 404.
    private static final String TABLE = """
            # method path                                                              anon  resident other staff council admin
            DELETE /api/calendar/feed                                                401   2xx   2xx   2xx   2xx   2xx
            DELETE /api/council/councils/{id}/terms/{termId}/members/{residentId}    401   403   403   403   403   4xx
            DELETE /api/listings/{listingId}/photos/{photoId}                        401   404   403   403   403   403
            DELETE /api/residents/{id}/assistance                                    401   403   403   403   403   403
            DELETE /api/moderation/prohibited-terms/{id}                             401   403   403   404   403   403
            GET    /api/bookings/managed                                             401   4xx   4xx   4xx   4xx   4xx
            GET    /api/bookings/mine                                                401   2xx   2xx   2xx   2xx   2xx
            GET    /api/bookings/{id}                                                401   2xx   404   2xx   404   404
            GET    /api/bookings/{id}/messages                                       401   2xx   404   2xx   404   404
            GET    /api/calendar/{token}.ics                                         404   404   404   404   404   404
            GET    /api/categories                                                   2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/council/appeals                                              401   403   403   403   403   2xx
            GET    /api/council/appeals/{id}                                         401   403   403   403   403   404
            GET    /api/council/councils                                             2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/council/councils/{id}                                        2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/council/petitions                                            2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/council/petitions/{id}                                       404   404   404   404   404   404
            GET    /api/council/proposals                                            2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/council/proposals/{id}                                       404   404   404   404   404   404
            GET    /api/council/reports/usage                                        401   403   403   403   403   4xx
            GET    /api/districts                                                    2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/holds/mine                                                   401   2xx   2xx   2xx   2xx   2xx
            GET    /api/households/mine                                              401   2xx   2xx   404   404   404
            GET    /api/households/mine/leave                                        401   2xx   2xx   404   404   404
            GET    /api/import/review                                                401   403   403   2xx   403   403
            GET    /api/listings                                                     2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/listings/mine                                                401   2xx   2xx   2xx   2xx   2xx
            GET    /api/listings/suggest                                             4xx   4xx   4xx   4xx   4xx   4xx
            GET    /api/listings/{id}                                                2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/listings/{listingId}/photos/{photoId}                        404   404   404   404   404   404
            GET    /api/loans                                                        401   4xx   4xx   4xx   4xx   4xx
            GET    /api/loans/deposits                                               401   403   403   2xx   403   403
            GET    /api/loans/lending                                                401   2xx   2xx   2xx   2xx   2xx
            GET    /api/loans/mine                                                   401   2xx   2xx   2xx   2xx   2xx
            GET    /api/loans/references/mine                                        401   2xx   2xx   2xx   2xx   2xx
            GET    /api/loans/{id}                                                   401   2xx   404   404   404   404
            GET    /api/loans/{id}/deposit/appeal                                    401   404   404   404   404   404
            GET    /api/loans/{id}/messages                                          401   2xx   404   404   404   404
            GET    /api/me                                                           401   2xx   2xx   2xx   2xx   2xx
            GET    /api/me/assistance                                                401   2xx   2xx   2xx   2xx   2xx
            GET    /api/me/erasure                                                   401   2xx   2xx   2xx   2xx   2xx
            GET    /api/me/export                                                    401   2xx   2xx   2xx   2xx   2xx
            GET    /api/moderation/cases/{id}                                        401   403   403   2xx   403   403
            GET    /api/moderation/decisions/mine                                    401   2xx   2xx   2xx   2xx   2xx
            GET    /api/moderation/prohibited-terms                                  401   403   403   2xx   403   403
            GET    /api/moderation/queue                                             401   403   403   2xx   403   403
            GET    /api/notifications                                                401   2xx   2xx   2xx   2xx   2xx
            GET    /api/notifications/preference                                     401   2xx   2xx   2xx   2xx   2xx
            GET    /api/policy                                                       2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/policy/{key}/history                                         2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/reports/mine                                                 401   2xx   2xx   2xx   2xx   2xx
            GET    /api/residents/{id}                                               401   403   403   2xx   403   403
            GET    /api/residents/{id}/sitter-check                                  401   403   403   2xx   403   403
            GET    /api/sign-in                                                      2xx   2xx   2xx   2xx   2xx   2xx
            GET    /api/spaces/{id}/bookings                                         401   4xx   4xx   4xx   4xx   4xx
            GET    /api/spaces/{id}/day                                              4xx   4xx   4xx   4xx   4xx   4xx
            GET    /api/import/approvals                                             401   403   403   2xx   403   2xx
            GET    /api/timebank/accounts/mine                                       401   2xx   2xx   404   404   404
            GET    /api/timebank/accounts/of-resident/{residentId}                   401   403   403   2xx   403   403
            GET    /api/timebank/accounts/mine/statements/{month}                    401   2xx   2xx   404   404   404
            GET    /api/timebank/accounts/mine/transfers                             401   2xx   2xx   404   404   404
            GET    /api/timebank/accounts/system                                     401   2xx   2xx   2xx   2xx   2xx
            GET    /api/timebank/ledger/check                                        401   403   403   403   2xx   2xx
            GET    /api/timebank/ledger/summary                                      401   403   403   403   2xx   2xx
            GET    /api/timebank/sessions/disputes                                   401   403   403   2xx   403   403
            GET    /api/timebank/sessions/mine                                       401   2xx   2xx   404   404   404
            GET    /api/timebank/sessions/{id}                                       401   2xx   404   404   404   404
            GET    /api/timebank/sessions/{id}/care-note                             401   404   404   404   404   404
            GET    /api/timebank/sessions/{id}/messages                              401   2xx   404   404   404   404
            GET    /api/timebank/transfers/{id}                                      401   2xx   404   2xx   404   404
            GET    /api/transparency/log                                             2xx   2xx   2xx   2xx   2xx   2xx
            POST   /api/admin/catalogue/reindex                                      401   403   403   403   403   2xx
            POST   /api/bookings                                                     401   4xx   4xx   4xx   4xx   4xx
            POST   /api/bookings/blocks                                              401   4xx   4xx   4xx   4xx   4xx
            POST   /api/bookings/{id}/cancel                                         401   2xx   404   4xx   404   404
            POST   /api/bookings/{id}/messages                                       401   4xx   404   4xx   404   404
            POST   /api/calendar/feed                                                401   2xx   2xx   2xx   2xx   2xx
            POST   /api/council/appeals/{id}/decision                                401   403   403   403   4xx   4xx
            POST   /api/council/councils                                             401   403   403   403   403   4xx
            POST   /api/council/councils/{id}/terms                                  401   403   403   403   403   4xx
            POST   /api/council/petitions                                            401   4xx   4xx   4xx   4xx   4xx
            POST   /api/council/petitions/{id}/support                               401   404   404   403   404   403
            POST   /api/council/proposals                                            401   403   403   403   4xx   403
            POST   /api/council/proposals/{id}/comments                              401   4xx   4xx   4xx   4xx   4xx
            POST   /api/council/proposals/{id}/votes                                 401   403   403   403   4xx   403
            POST   /api/holds                                                        401   4xx   4xx   4xx   4xx   4xx
            POST   /api/holds/{id}/leave                                             401   404   404   404   404   404
            POST   /api/holds/{id}/take                                              401   404   404   404   404   404
            POST   /api/households                                                   401   4xx   4xx   4xx   4xx   4xx
            POST   /api/households/join                                              401   4xx   4xx   4xx   4xx   4xx
            POST   /api/households/mine/invitation                                   401   2xx   2xx   404   404   404
            POST   /api/households/mine/leave                                        401   4xx   4xx   404   404   404
            POST   /api/import/approvals/{batchId}/approve                           401   403   403   4xx   403   4xx
            POST   /api/import/approvals/{batchId}/reject                            401   403   403   4xx   403   4xx
            POST   /api/import/balances                                              401   403   403   4xx   403   403
            POST   /api/import/listings                                              401   403   403   4xx   403   403
            POST   /api/import/members                                               401   403   403   4xx   403   403
            POST   /api/import/transfers                                             401   403   403   4xx   403   403
            POST   /api/listings                                                     401   4xx   4xx   4xx   4xx   4xx
            POST   /api/listings/{listingId}/photos                                  4xx   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans                                                        401   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans/{id}/approve                                           401   403   404   404   404   404
            POST   /api/loans/{id}/cancel                                            401   2xx   404   404   404   404
            POST   /api/loans/{id}/decline                                           401   403   404   404   404   404
            POST   /api/loans/{id}/deposit                                           401   403   403   4xx   403   403
            POST   /api/loans/{id}/deposit/appeal                                    401   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans/{id}/lost                                              401   403   404   404   404   404
            POST   /api/loans/{id}/messages                                          401   4xx   404   404   404   404
            POST   /api/loans/{id}/pickup                                            401   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans/{id}/reference                                         401   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans/{id}/renew                                             401   4xx   4xx   4xx   4xx   4xx
            POST   /api/loans/{id}/return                                            401   4xx   4xx   4xx   4xx   4xx
            POST   /api/me/erasure                                                   401   4xx   4xx   4xx   4xx   4xx
            POST   /api/moderation/cases/{id}/claim                                  401   403   403   2xx   403   403
            POST   /api/moderation/cases/{id}/decision                               401   403   403   4xx   403   403
            POST   /api/moderation/cases/{id}/suspension-lift                        401   403   403   4xx   403   403
            POST   /api/moderation/decisions/{caseId}/appeal                         401   4xx   4xx   4xx   4xx   4xx
            POST   /api/moderation/prohibited-terms                                  401   403   403   4xx   403   403
            POST   /api/notifications/{id}/read                                      401   2xx   404   404   404   404
            POST   /api/reports                                                      401   4xx   4xx   4xx   4xx   4xx
            POST   /api/residents/{id}/erasure                                       401   403   403   4xx   403   403
            POST   /api/timebank/accounts/{id}/write-off                             401   403   403   4xx   403   403
            POST   /api/timebank/grants                                              401   403   403   4xx   403   403
            POST   /api/timebank/ledger/settle-dissolved                             401   403   403   403   403   2xx
            POST   /api/timebank/sessions                                            401   4xx   4xx   4xx   4xx   4xx
            POST   /api/timebank/sessions/{id}/accept                                401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/cancel                                401   2xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/confirm                               401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/decline                               401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/dispute                               401   4xx   4xx   4xx   4xx   4xx
            POST   /api/timebank/sessions/{id}/messages                              401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/no-show                               401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/no-show/confirm                       401   4xx   404   404   404   404
            POST   /api/timebank/sessions/{id}/settle                                401   403   403   4xx   403   403
            POST   /api/timebank/transfers                                           401   4xx   4xx   4xx   4xx   4xx
            POST   /api/timebank/transfers/{id}/reversal                             401   403   403   4xx   403   403
            PUT    /api/council/councils/{id}/terms/{termId}/members/{residentId}    401   403   403   403   403   404
            PUT    /api/listings/{id}                                                401   4xx   4xx   4xx   4xx   4xx
            PUT    /api/listings/{id}/availability                                   401   4xx   4xx   4xx   4xx   4xx
            PUT    /api/listings/{id}/status                                         401   4xx   4xx   4xx   4xx   4xx
            PUT    /api/listings/{listingId}/photos/{photoId}/moderation             401   403   403   4xx   403   403
            PUT    /api/me/district                                                  401   4xx   4xx   4xx   4xx   4xx
            PUT    /api/notifications/preference                                     401   4xx   4xx   4xx   4xx   4xx
            POST   /api/residents/{id}/assistance                                    401   403   403   4xx   403   403
            PUT    /api/residents/{id}/residency                                     401   403   403   4xx   403   403
            PUT    /api/residents/{id}/sitter-check                                  401   403   403   4xx   403   403
            PUT    /api/timebank/sessions/{id}/care-note                             401   4xx   404   404   404   404
            """;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String cell(int status) {
        if (status >= 500) {
            return "5xx";
        }
        if (status >= 200 && status < 300) {
            return "2xx";
        }
        if (status == 401 || status == 403 || status == 404) {
            return Integer.toString(status);
        }
        return "4xx";
    }

    private static Map<String, List<String>> expected() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            rows.put(parts[0] + " " + parts[1], List.of(parts).subList(2, parts.length));
        }
        return rows;
    }

    @Test
    void every_operation_answers_each_caller_as_the_table_says() {
        // The resident's household and its objects; another household; staff, a council member, an admin.
        Households.Member resident = Households.newHousehold("Matrix household");
        Households.Member other = Households.newHousehold("Matrix other household");
        Households.Member helper = Households.newHousehold("Matrix helper");
        String staff = Keycloak.newPerson("staff").token();
        String council = Keycloak.newPerson("council").token();
        String admin = Keycloak.newPerson("admin").token();
        String neighbour = Keycloak.newPerson().token();

        String mine = listing(resident.token(), "GOODS", "OFFER", "{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}",
                "goods.tools.power");
        String item = listing(neighbour, "GOODS", "OFFER", "{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}",
                "goods.tools.power");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3);
        String loan = as(resident.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + item + "\",\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        as(neighbour).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
        String space = Spaces.create(staff, "Matrix room", 60, "09:00", "12:00");
        String booking = Spaces.book(as(resident.token()), Spaces.booking(space, Spaces.aThursday(), "09:00", "10:00"))
                .then().statusCode(201).extract().path("bookings[0].id");
        String service = listing(helper.token(), "SERVICE", "OFFER", "{\"service\":{\"minutes\":60}}",
                "service.education.computers");
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String session = as(resident.token()).contentType(ContentType.JSON).body("{\"listingId\":\"" + service
                + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusSeconds(3600) + "\"}")
                .post("/api/timebank/sessions").then().statusCode(201).extract().path("id");
        String transfer = Households.pay(resident.token(), Households.key(), Households.to(helper.accountId(), 10))
                .then().statusCode(201).extract().path("id");
        String notification = as(resident.token()).get("/api/notifications").then().statusCode(200).extract()
                .jsonPath().getString("[0].id");
        as(resident.token()).contentType(ContentType.JSON).body("{\"targetType\":\"LISTING\",\"targetId\":\"" + item
                + "\",\"reason\":\"OTHER\",\"details\":\"Matrix report\"}").post("/api/reports").then().statusCode(201);
        String kase = (String) Database.one("select case_id from report where target_id = ?", item).get("case_id");
        String feed = as(resident.token()).contentType(ContentType.JSON).body("{}").post("/api/calendar/feed").then()
                .statusCode(201).extract().path("url");
        String feedToken = feed.replaceAll(".*/calendar/", "").replace(".ics", "");
        String residentId = (String) Database.residentBySubject(resident.person().id()).get("id");
        String councilId = as(admin).contentType(ContentType.JSON).body("{\"name\":\"Matrix council " + System.nanoTime()
                + "\"}").post("/api/council/councils").then().statusCode(201).extract().path("id");

        // Path parameters: the resident's own objects wherever they have one.
        Map<String, String> fill = new TreeMap<>();
        fill.put("/api/listings/{id}", mine);
        fill.put("/api/listings/{listingId}", mine);
        fill.put("/api/loans/{id}", loan);
        fill.put("/api/bookings/{id}", booking);
        fill.put("/api/spaces/{id}", space);
        fill.put("/api/timebank/sessions/{id}", session);
        fill.put("/api/timebank/transfers/{id}", transfer);
        fill.put("/api/notifications/{id}", notification);
        fill.put("/api/moderation/cases/{id}", kase);
        fill.put("/api/moderation/decisions/{caseId}", kase);
        fill.put("/api/residents/{id}", residentId);
        fill.put("/api/timebank/accounts/of-resident/{residentId}", residentId);
        fill.put("/api/council/councils/{id}", councilId);
        fill.put("/api/calendar/{token}", feedToken);
        fill.put("/api/policy/{key}", "LOAN_MAX_ACTIVE");
        fill.put("/api/timebank/accounts/mine/statements/{month}", YearMonth.now(ZoneId.of("Asia/Seoul")).toString());

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anon", null);
        callers.put("other", other.token());
        callers.put("staff", staff);
        callers.put("council", council);
        callers.put("admin", admin);
        callers.put("resident", resident.token());
        List<String> columns = List.of("anon", "resident", "other", "staff", "council", "admin");

        Map<String, List<String>> expected = expected();
        Map<String, List<String>> seen = new TreeMap<>();
        String doc = as(null).accept("application/json").get("/openapi").then().statusCode(200).extract().asString();
        JsonObject paths = Json.createReader(new StringReader(doc)).readObject().getJsonObject("paths");
        // Leaving one's household comes last: the household's objects are needed by the rows before it.
        List<String[]> operations = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (String method : List.of("get", "post", "put", "delete")) {
                if (path.getValue().asJsonObject().containsKey(method)) {
                    operations.add(new String[] {method, path.getKey()});
                }
            }
        }
        operations.sort(java.util.Comparator.comparing((String[] o) -> o[1].endsWith("/leave") ? 1 : 0)
                .thenComparing(o -> o[1]).thenComparing(o -> o[0]));
        for (String[] operation : operations) {
            String method = operation[0];
            Map.Entry<String, JsonValue> path = Map.entry(operation[1], JsonValue.NULL);
            {
                String url = concrete(path.getKey(), fill);
                Map<String, String> got = new LinkedHashMap<>();
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    RequestSpecification r = as(caller.getValue()).redirects().follow(false);
                    if (!method.equals("get") && !method.equals("delete")) {
                        r = r.contentType(ContentType.JSON).body("{}");
                    }
                    int status = r.request(method.toUpperCase(), url).then().extract().statusCode();
                    got.put(caller.getKey(), cell(status));
                }
                seen.put(method.toUpperCase() + " " + path.getKey(), columns.stream().map(got::get).toList());
            }
        }

        List<String> differences = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, List<String>> row : seen.entrySet()) {
            String[] op = row.getKey().split(" ");
            table.append(String.format("%-7s%-66s%s%n", op[0], op[1], String.join("  ", row.getValue().stream()
                    .map(c -> String.format("%-4s", c)).toList()).stripTrailing()));
            List<String> want = expected.get(row.getKey());
            if (want == null) {
                differences.add(row.getKey() + ": no row in the table (saw " + row.getValue() + ")");
            } else if (!want.equals(row.getValue())) {
                differences.add(row.getKey() + ": expected " + want + ", saw " + row.getValue());
            }
            if (row.getValue().contains("5xx")) {
                differences.add(row.getKey() + ": a server error " + row.getValue());
            }
        }
        for (String row : expected.keySet()) {
            if (!seen.containsKey(row)) {
                differences.add(row + ": in the table but not in the OpenAPI document");
            }
        }
        assertEquals(List.of(), differences, "The table as seen now:\n" + table);
    }

    private static String concrete(String template, Map<String, String> fill) {
        String url = template;
        for (Map.Entry<String, String> f : fill.entrySet()) {
            if (url.startsWith(f.getKey())) {
                String param = f.getKey().substring(f.getKey().lastIndexOf('{'));
                url = url.replace(param, f.getValue());
            }
        }
        return url.replaceAll("\\{[^}]+}", NOBODY);
    }

    private static String listing(String token, String kind, String direction, String details, String category) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"" + kind + "\",\"direction\":\"" + direction
                + "\",\"title\":\"Matrix " + kind + "\",\"description\":\"For the matrix\",\"category\":\"" + category
                + "\",\"district\":\"mapo\",\"details\":" + details + "}").post("/api/listings").then().statusCode(201)
                .extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }
}
