package org.nanum.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;

/**
 * The web interface and the API answer with security headers (a strict Content Security Policy,
 * no framing, no sniffing, no referrer); CORS only for the origins a city configures; bodies above
 * the size limit and requests above the rate limits are refused with a problem before any work.
 * The limits are tried on a server of their own, started with small ones.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {
    private static final String CITY_APP = "https://app.city.example";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void every_answer_carries_the_security_headers() {
        String keycloak = URI.create(Keycloak.issuer()).resolve("/").toString().replaceAll("/$", "");
        for (String path : new String[] {"/", "/app/main.js", "/api/listings", "/api/me"}) {
            Response r = as(null).get(path);
            r.then().header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' " + keycloak + ";"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer");
        }
        // No origin is allowed unless configured: a page elsewhere cannot read the API with a resident's token.
        as(null).header("Origin", "https://evil.example").get("/api/listings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void sizes_and_rates_are_limited_and_cors_is_only_for_the_configured_origins() throws Exception {
        Map<String, String> env = Map.of("NANUM_DB_KIND", "postgresql",
                "NANUM_INDEX_DIR", Path.of("target", "hardening-index").toAbsolutePath().toString(),
                "NANUM_RATE_REPORTS_PER_HOUR", "3", "NANUM_RATE_FEEDS_PER_HOUR", "5", "NANUM_RATE_ANONYMOUS_PER_MINUTE", "10",
                "NANUM_CORS_ORIGINS", CITY_APP + ", https://kiosk.city.example");
        try (StandaloneServer b = StandaloneServer.start(env)) {
            // Anonymous: ten a minute from one address, then a 429 problem saying when to come back.
            for (int i = 0; i < 10; i++) {
                StandaloneServer.as(null).get("/api/districts").then().statusCode(200);
            }
            Response refused = StandaloneServer.as(null).get("/api/districts");
            refused.then().statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:rate-limited"));
            int retry = Integer.parseInt(refused.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
            // Claiming another address with the web server plug-in's private headers changes nothing.
            StandaloneServer.as(null).header("$WSRA", "10.9.8.7").header("$WSRH", "elsewhere.example")
                    .header("X-Forwarded-For", "10.9.8.7").get("/api/districts").then().statusCode(429);
            // Signed in, one is not anonymous.
            Keycloak.Person resident = Keycloak.newPerson();
            String token = resident.token();
            StandaloneServer.as(token).get("/api/districts").then().statusCode(200);

            // Reports: three an hour per person; the fourth is refused, and nothing of it is written.
            String owner = Keycloak.newPerson().token();
            String[] listings = new String[4];
            for (int i = 0; i < 4; i++) {
                listings[i] = StandaloneServer.as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\","
                                + "\"title\":\"Limit drill " + i + "\",\"description\":\"Cordless\",\"category\":"
                                + "\"goods.tools.power\",\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\","
                                + "\"loanPeriodDays\":3}}}").post("/api/listings").then().statusCode(201).extract().path("id");
                StandaloneServer.as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}")
                        .put("/api/listings/" + listings[i] + "/status").then().statusCode(200);
            }
            for (int i = 0; i < 4; i++) {
                StandaloneServer.as(token).contentType(ContentType.JSON).body("{\"targetType\":\"LISTING\",\"targetId\":\""
                        + listings[i] + "\",\"reason\":\"SPAM\"}").post("/api/reports").then()
                        .statusCode(i < 3 ? 201 : 429);
            }
            assertEquals(0, Database.count("select count(*) from report where target_id = ?", listings[3]));
            StandaloneServer.as(Keycloak.newPerson().token()).contentType(ContentType.JSON).body("{\"targetType\":\"LISTING\","
                    + "\"targetId\":\"" + listings[3] + "\",\"reason\":\"SPAM\"}").post("/api/reports").then().statusCode(201);

            // A calendar feed's address: five fetches an hour, then 429.
            String url = StandaloneServer.as(token).contentType(ContentType.JSON).body("{}").post("/api/calendar/feed")
                    .then().statusCode(201).extract().path("url");
            String feed = URI.create(url).getPath();
            for (int i = 0; i < 5; i++) {
                RestAssured.given().baseUri(StandaloneServer.baseUrl()).header("Authorization", "Bearer " + token)
                        .get(feed).then().statusCode(200);
            }
            RestAssured.given().baseUri(StandaloneServer.baseUrl()).header("Authorization", "Bearer " + token)
                    .get(feed).then().statusCode(429);

            // A body over 1 MiB: 413 before it is read; nothing written.
            String name = "Big " + "x".repeat(2 * 1024 * 1024);
            StandaloneServer.as(token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                    .post("/api/households").then().statusCode(413).contentType("application/problem+json")
                    .body("type", equalTo("urn:nanum:problem:request-too-large"));
            StandaloneServer.as(token).get("/api/households/mine").then().statusCode(404);
            // The same body without a length (chunked): 413 too; a small chunked body goes through.
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            byte[] big = ("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpResponse<String> chunked = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(StandaloneServer.baseUrl() + "/api/households"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), chunked.body());
            StandaloneServer.as(token).get("/api/households/mine").then().statusCode(404);
            byte[] small = "{\"name\":\"Chunked family\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpResponse<String> fine = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(StandaloneServer.baseUrl() + "/api/households"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, fine.statusCode(), fine.body());

            // CORS: the configured origins only, preflight included.
            StandaloneServer.as(token).header("Origin", CITY_APP).get("/api/me").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", CITY_APP);
            StandaloneServer.as(null).header("Origin", CITY_APP).header("Access-Control-Request-Method", "POST")
                    .options("/api/timebank/transfers").then().statusCode(204)
                    .header("Access-Control-Allow-Origin", CITY_APP)
                    .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
            StandaloneServer.as(token).header("Origin", "https://evil.example").get("/api/me").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }
}
