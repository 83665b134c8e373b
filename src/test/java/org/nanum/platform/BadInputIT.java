package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;

/**
 * Bad input, generated from the OpenAPI document: for every operation that takes a JSON body, bodies
 * built from its schema with one part made hostile at a time (the wrong type, missing or null
 * fields, huge strings, deep nesting, odd Unicode, SQL and Lucene syntax, numbers at the edges,
 * impossible dates), and for every operation's query parameters the same hostile values. A bounded
 * number of tries per operation from a seed: fixed, so CI repeats itself; {@code -Dnanum.badinput.seed=N}
 * tries another ({@code -1}: a random one, printed so that a finding can be repeated).
 * Every answer must be below 500; every 4xx must be a problem document; and a 4xx must leave the
 * database as it was.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputIT {
    private static final int TRIES_PER_OPERATION = 14;
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";
    /** The tables a request can write to (the outbox, notifications and the journal's seals move on their own). */
    private static final List<String> TABLES = List.of("listing", "listing_photo", "listing_blocked_period", "loan",
            "loan_reference", "hold", "booking", "household", "resident", "report", "moderation_case", "moderation_appeal",
            "deposit_appeal", "message", "calendar_feed", "sitter_check", "prohibited_term", "policy_value", "tb_account",
            "tb_transfer", "tb_session", "tb_care_note", "council", "council_term", "council_member", "council_proposal",
            "council_vote", "council_comment", "council_petition", "council_petition_support");

    private static final List<String> HOSTILE_TEXT = List.of("", " ", "x".repeat(100_000), "'; drop table listing; --",
            "title:(*) OR \"", "\\", "\u202Eevil\u202C", "\u200B", "👩‍👧‍👦", "\u0000", "<script>alert(1)</script>",
            "%s%n", "../../etc/passwd", "2026-02-30", "9999-99-99T99:99:99Z");
    private static final List<String> HOSTILE_JSON = List.of("null", "true", "-1", "0", "2147483648",
            "-9223372036854775809", "1e309", "-0.0", "9007199254740993", "[]", "{}", "\"\"", "[null]",
            "\"1\"", "1.5");

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** Every table's row count, in one query (one connection, not thirty: the run makes over a thousand snapshots). */
    private static long[] snapshot() {
        String sql = "select " + String.join(", ", TABLES.stream().map(t -> "(select count(*) from " + t + ") as " + t)
                .toList());
        Map<String, Object> row = Database.one(sql);
        long[] counts = new long[TABLES.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ((Number) row.get(TABLES.get(i))).longValue();
        }
        return counts;
    }

    private static String changed(long[] before, long[] after) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                out.add(TABLES.get(i) + " " + before[i] + "→" + after[i]);
            }
        }
        return String.join(", ", out);
    }

    private static JsonObject resolve(JsonObject doc, JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").replace("#/components/schemas/", "");
            return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        return schema;
    }

    /** A plausible value for a schema: the body is valid-looking except for the one part made hostile. */
    private static String plausible(JsonObject doc, JsonObject schema, int depth) {
        schema = resolve(doc, schema);
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0).toString();
        }
        String type = schema.getString("type", "object");
        String format = schema.getString("format", "");
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> "\"" + LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(3) + "\"";
                case "date-time" -> "\"" + java.time.Instant.now().plusSeconds(2 * 86_400).truncatedTo(
                        java.time.temporal.ChronoUnit.HOURS) + "\"";
                default -> "\"Test\"";
            };
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            case "array" -> depth > 3 ? "[]" : "[" + plausible(doc, schema.getJsonObject("items"), depth + 1) + "]";
            default -> {
                if (depth > 3 || !schema.containsKey("properties")) {
                    yield "{}";
                }
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, JsonValue> p : schema.getJsonObject("properties").entrySet()) {
                    parts.add("\"" + p.getKey() + "\":" + plausible(doc, p.getValue().asJsonObject(), depth + 1));
                }
                yield "{" + String.join(",", parts) + "}";
            }
        };
    }

    /** Bodies for an operation: whole-body oddities, then each property made hostile in turn. */
    private static List<String> bodies(JsonObject doc, JsonObject schema, Random random) {
        List<String> out = new ArrayList<>(List.of("{}", "[]", "null", "\"text\"", "{\"a\":", "{\"a\":1}}",
                "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "{\"x\":".repeat(3000) + "1" + "}".repeat(3001)));
        schema = resolve(doc, schema);
        if (schema.containsKey("properties")) {
            Map<String, String> valid = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> p : schema.getJsonObject("properties").entrySet()) {
                valid.put(p.getKey(), plausible(doc, p.getValue().asJsonObject(), 1));
            }
            out.add(object(valid));
            for (String name : valid.keySet()) {
                Map<String, String> without = new LinkedHashMap<>(valid);
                without.remove(name);
                out.add(object(without));
                Map<String, String> hostile = new LinkedHashMap<>(valid);
                hostile.put(name, random.nextBoolean() ? HOSTILE_JSON.get(random.nextInt(HOSTILE_JSON.size()))
                        : Json.createValue(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()))).toString());
                out.add(object(hostile));
            }
        }
        java.util.Collections.shuffle(out.subList(8, out.size()), random);
        return out.subList(0, Math.min(out.size(), TRIES_PER_OPERATION));
    }

    private static String object(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add("\"" + k + "\":" + v));
        return "{" + String.join(",", parts) + "}";
    }

    @Test
    void no_bad_input_gets_a_server_error_every_refusal_is_a_problem_and_writes_nothing() {
        // A fixed seed keeps CI repeatable; explore with others: -Dnanum.badinput.seed=N (random: -1).
        long chosen = Long.getLong("nanum.badinput.seed", 20261124L);
        long seed = chosen == -1 ? System.nanoTime() : chosen;
        System.out.println("BadInputIT seed " + seed);
        Random random = new Random(seed);
        Households.Member resident = Households.newHousehold("Bad input household");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("resident", resident.token());
        Keycloak.Person staff = Keycloak.newPerson("staff");
        callers.put("staff", staff.token());
        callers.put("council", Keycloak.newPerson("council").token());
        callers.put("admin", Keycloak.newPerson("admin").token());
        for (String token : callers.values()) {
            as(token).get("/api/me").then().statusCode(200);
        }
        String listing = as(resident.token()).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Bad input drill\","
                + "\"description\":\"Cordless\",\"category\":\"goods.tools.power\",\"district\":\"mapo\",\"details\":{\"goods\":"
                + "{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}").post("/api/listings").then().statusCode(201).extract().path("id");

        String doc = as(null).accept("application/json").get("/openapi").then().statusCode(200).extract().asString();
        JsonObject openapi = Json.createReader(new StringReader(doc)).readObject();
        try {
            sendBadInput(openapi, callers, listing, random, seed);
        } finally {
            // A plausible body now and then is accepted: a prohibited word ("Test") added by this test
            // would hold every later test's listing that says "tests". Nothing it added may outlive it.
            Database.execute("delete from prohibited_term where added_by = ?",
                    Database.residentBySubject(staff.id()).get("id"));
        }
    }

    private void sendBadInput(JsonObject openapi, Map<String, String> callers, String listing, Random random, long seed) {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonValue> path : new java.util.TreeMap<>(openapi.getJsonObject("paths")).entrySet()) {
            String url = path.getKey().replaceFirst("^/api/listings/\\{(id|listingId)}", "/api/listings/" + listing)
                    .replaceAll("\\{[^}]+}", NOBODY);
            if (path.getKey().endsWith("/leave") || url.contains("/photos")) {
                continue; // leaving a household is no bad input; photos take images, tried by PhotoIT
            }
            for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
                String method = op.getKey();
                if (!List.of("get", "post", "put", "delete").contains(method)) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                // Who may call it: the first of resident, staff, council, admin not refused for their role.
                String caller = null;
                for (String token : callers.values()) {
                    int status = method.equals("get") || method.equals("delete")
                            ? as(token).request(method.toUpperCase(), url).then().extract().statusCode()
                            : as(token).contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), url).then()
                            .extract().statusCode();
                    if (status != 401 && status != 403) {
                        caller = token;
                        break;
                    }
                }
                if (caller == null) {
                    caller = callers.get("admin");
                }
                List<java.util.function.Function<String, Response>> sends = new ArrayList<>();
                JsonObject body = operation.containsKey("requestBody") ? operation.getJsonObject("requestBody")
                        .getJsonObject("content").getJsonObject("application/json") : null;
                String who = caller;
                if (body != null && body.containsKey("schema")) {
                    for (String b : bodies(openapi, body.getJsonObject("schema"), random)) {
                        sends.add(u -> as(who).contentType(ContentType.JSON).body(b).request(method.toUpperCase(), u));
                    }
                }
                if (operation.containsKey("parameters")) {
                    List<String> queries = new ArrayList<>();
                    for (JsonValue p : operation.getJsonArray("parameters")) {
                        JsonObject parameter = p.asJsonObject();
                        if ("query".equals(parameter.getString("in", ""))) {
                            queries.add(parameter.getString("name"));
                        }
                    }
                    for (int i = 0; i < Math.min(TRIES_PER_OPERATION, queries.size() * 3); i++) {
                        String name = queries.get(random.nextInt(queries.size()));
                        String value = HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
                        String shortValue = value.length() > 5000 ? value.substring(0, 5000) : value;
                        sends.add(u -> as(who).queryParam(name, shortValue).request(method.toUpperCase(), u));
                    }
                }
                long[] before = snapshot();
                for (var send : sends) {
                    Response r = send.apply(url);
                    requests++;
                    int status = r.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    String what = method.toUpperCase() + " " + path.getKey();
                    if (status >= 500) {
                        failures.add(what + ": " + status + " " + r.asString().substring(0, Math.min(300, r.asString().length())));
                    } else if (status >= 400) {
                        String type = r.contentType();
                        if (type == null || !type.startsWith("application/problem+json")) {
                            failures.add(what + ": " + status + " as " + type);
                        }
                        long[] after = snapshot();
                        String diff = changed(before, after);
                        if (!diff.isEmpty()) {
                            failures.add(what + ": a " + status + " that wrote: " + diff);
                        }
                        before = after;
                    } else {
                        before = snapshot();
                    }
                }
            }
        }
        System.out.println("BadInputIT sent " + requests + " requests (seed " + seed + "), answered " + statuses);
        assertEquals(List.of(), failures, "seed " + seed + ": " + failures.size() + " findings");
        // The inputs were bad: most were refused (a run that sent nothing bad would prove nothing).
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400).mapToInt(Map.Entry::getValue).sum();
        org.junit.jupiter.api.Assertions.assertTrue(requests > 400 && refused > requests / 2,
                requests + " requests, " + refused + " refused: " + statuses);
    }

    @Test
    void a_nul_character_is_refused_at_the_door_naming_where_it_is() {
        // BadInputIT's first run found POST /api/moderation/prohibited-terms answering 500 to a NUL in the
        // term: PostgreSQL refuses U+0000 in text. Now every JSON body and parameter is checked first.
        String staff = Keycloak.newPerson("staff").token();
        as(staff).contentType(ContentType.JSON).body("{\"term\":\"bad\\u0000word\",\"reason\":\"test\"}")
                .post("/api/moderation/prohibited-terms").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
        as(null).queryParam("q", "drill\u0000").get("/api/listings").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("q"));
        String resident = Keycloak.newPerson().token();
        as(resident).contentType(ContentType.JSON).body("{\"name\":\"Nul\\u0000family\"}").post("/api/households")
                .then().statusCode(400);
        as(resident).get("/api/households/mine").then().statusCode(404);
        // A backslash and a u in ordinary text are not a NUL.
        as(resident).contentType(ContentType.JSON).body("{\"name\":\"Back\\\\slash family\"}").post("/api/households")
                .then().statusCode(201);
    }
}
