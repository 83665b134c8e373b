package org.nanum.lending;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Fair queues: first come, first offered, a limited time to take it, then the next. */
@ExtendWith(ArquillianExtension.class)
class HoldIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String item(String owner, String title) {
        String id = as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Popular\",\"category\":\"goods.garden\",\"district\":\"mapo\",\"latitude\":37.55,"
                        + "\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static String join(String token, String item, int status) {
        return as(token).contentType(ContentType.JSON).body("{\"itemId\":\"" + item + "\"}").post("/api/holds").then()
                .statusCode(status).extract().path("id");
    }

    private static JsonPath holdOf(String token, String holdId) {
        return new JsonPath(as(token).get("/api/holds/mine").then().statusCode(200).extract().asString())
                .setRootPath("find { it.id == '" + holdId + "' }");
    }

    @Test
    void the_first_in_line_is_offered_the_item_and_an_offer_that_runs_out_passes_to_the_next() {
        String owner = Keycloak.newPerson().token();
        String mower = item(owner, "Queued mower");
        LocalDate today = LocalDate.now(Spaces.SEOUL);
        String ana = Keycloak.newPerson().token();
        // Nobody has it: no queue, just borrow it.
        join(ana, mower, 409);
        String loan = as(ana).contentType(ContentType.JSON).body("{\"itemId\":\"" + mower + "\",\"firstDay\":\"" + today
                + "\",\"lastDay\":\"" + today.plusDays(2) + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
        as(owner).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/pickup")
                .then().statusCode(200);

        String ben = Keycloak.newPerson().token();
        String cleo = Keycloak.newPerson().token();
        String benHold = join(ben, mower, 201);
        String cleoHold = join(cleo, mower, 201);
        assertEquals(1, holdOf(ben, benHold).getInt("position"));
        assertEquals(2, holdOf(cleo, cleoHold).getInt("position"));
        join(ben, mower, 409);
        join(owner, mower, 409);
        as(null).contentType(ContentType.JSON).body("{\"itemId\":\"" + mower + "\"}").post("/api/holds").then().statusCode(401);
        // While people queue, nobody jumps the line with a request for later days.
        as(Keycloak.newPerson().token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + mower + "\",\"firstDay\":\""
                + today.plusDays(5) + "\",\"lastDay\":\"" + today.plusDays(6) + "\"}").post("/api/loans").then()
                .statusCode(409).body("type", equalTo("urn:nanum:problem:no-queue"));
        // Another resident cannot touch ben's hold.
        as(cleo).post("/api/holds/" + benHold + "/leave").then().statusCode(404);

        as(owner).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/return")
                .then().statusCode(200);
        JsonPath offered = holdOf(ben, benHold);
        assertEquals("OFFERED", offered.getString("status"));
        Instant expires = Instant.parse(offered.getString("offerExpiresAt"));
        int hours = as(null).get("/api/policy").then().extract().jsonPath().getInt("find { it.key == 'HOLD_OFFER_HOURS' }.value");
        assertEquals(hours, Math.round((expires.getEpochSecond() - Instant.now().getEpochSecond()) / 3600.0));
        assertEquals("WAITING", holdOf(cleo, cleoHold).getString("status"));
        as(cleo).contentType(ContentType.JSON).body("{}").post("/api/holds/" + cleoHold + "/take").then().statusCode(409);

        // Ben lets the offer run out: it passes to cleo.
        Database.execute("update hold set offer_expires_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), benHold);
        Eventually.within(20, "the sweep passes the offer on", () -> "OFFERED".equals(holdOf(cleo, cleoHold).getString("status")));
        assertEquals("EXPIRED", holdOf(ben, benHold).getString("status"));
        as(ben).contentType(ContentType.JSON).body("{}").post("/api/holds/" + benHold + "/take").then().statusCode(409);

        String taken = as(cleo).contentType(ContentType.JSON).body("{}").post("/api/holds/" + cleoHold + "/take").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("firstDay", equalTo(today.toString()))
                .body("lastDay", equalTo(today.plusDays(2).toString())).extract().path("id");
        assertEquals("TAKEN", holdOf(cleo, cleoHold).getString("status"));
        assertEquals(taken, holdOf(cleo, cleoHold).getString("loanId"));
        assertEquals(3, Database.count("select count(*) from loan_day where loan_id = ?", taken));
    }

    @Test
    void leaving_with_an_offer_passes_it_on_at_once() {
        String owner = Keycloak.newPerson().token();
        String trimmer = item(owner, "Queued trimmer");
        LocalDate today = LocalDate.now(Spaces.SEOUL);
        String ana = Keycloak.newPerson().token();
        String loan = as(ana).contentType(ContentType.JSON).body("{\"itemId\":\"" + trimmer + "\",\"firstDay\":\"" + today
                + "\",\"lastDay\":\"" + today + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
        String ben = Keycloak.newPerson().token();
        String cleo = Keycloak.newPerson().token();
        String benHold = join(ben, trimmer, 201);
        String cleoHold = join(cleo, trimmer, 201);
        // The approved loan is cancelled before pick-up: the item is free, ben is offered it.
        as(ana).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/cancel").then().statusCode(200);
        assertEquals("OFFERED", holdOf(ben, benHold).getString("status"));
        as(ben).post("/api/holds/" + benHold + "/leave").then().statusCode(200).body("status", equalTo("CANCELLED"));
        JsonPath cleoNow = holdOf(cleo, cleoHold);
        assertEquals("OFFERED", cleoNow.getString("status"));
        assertEquals(1, cleoNow.getInt("position"));
        as(cleo).get("/api/holds/mine").then().body("find { it.id == '" + cleoHold + "' }.offerExpiresAt", notNullValue());
    }
}
