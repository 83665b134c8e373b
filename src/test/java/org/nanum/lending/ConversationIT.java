package org.nanum.lending;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.lending.Spaces.book;
import static org.nanum.lending.Spaces.booking;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** The threads of loans and bookings: only the people involved read and write them. */
@ExtendWith(ArquillianExtension.class)
class ConversationIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static io.restassured.response.Response say(String token, String path, String text) {
        return as(token).contentType(ContentType.JSON).body("{\"body\":\"" + text + "\"}").post(path);
    }

    @Test
    void borrower_and_lender_talk_in_the_thread_of_their_loan_and_nobody_else_can() {
        String owner = Keycloak.newPerson().token();
        Keycloak.Person anaPerson = Keycloak.newPerson();
        String ana = anaPerson.token();
        String drill = as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Chatty drill\","
                        + "\"description\":\"A drill\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"latitude\":37.55,\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\","
                        + "\"loanPeriodDays\":3}}}").post("/api/listings").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + drill + "/status")
                .then().statusCode(200);
        LocalDate day = LocalDate.now(Spaces.SEOUL).plusDays(4);
        String loan = as(ana).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\"" + day
                + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        String thread = "/api/loans/" + loan + "/messages";

        say(ana, thread, "Could I pick it up at 6?").then().statusCode(201).body("yours", equalTo(true));
        say(owner, thread, "Yes, ring at the door").then().statusCode(201);
        var messages = as(ana).get(thread).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Could I pick it up at 6?", "Yes, ring at the door"), messages.getList("body"));
        assertEquals(List.of(true, false), messages.getList("yours"));
        as(owner).get(thread).then().statusCode(200).body("[0].authorName", equalTo("Test " + anaPerson.username()));

        String stranger = Keycloak.newPerson().token();
        as(stranger).get(thread).then().statusCode(404).contentType("application/problem+json");
        say(stranger, thread, "hello").then().statusCode(404);
        as(null).get(thread).then().statusCode(401);
        say(ana, thread, "   ").then().statusCode(400).body("errors[0].field", equalTo("body"));
        say(ana, thread, "x".repeat(2001)).then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(ana).get("/api/loans/no-such-loan/messages").then().statusCode(404);
        assertEquals(2, Database.count("select count(*) from message where thread_id = ?", loan));
    }

    @Test
    void a_booker_and_the_spaces_staff_talk_in_the_thread_of_a_booking() {
        String staff = Keycloak.newPerson("staff").token();
        String space = Spaces.create(staff, "Chatty hall", 60, "09:00", "22:00");
        String ana = Keycloak.newPerson().token();
        String id = book(as(ana), booking(space, Spaces.aThursday(), "10:00", "11:00")).then().statusCode(201)
                .extract().path("bookings[0].id");
        String thread = "/api/bookings/" + id + "/messages";
        say(ana, thread, "We need 30 chairs").then().statusCode(201);
        // Any of the city's staff may answer for a city space.
        say(Keycloak.newPerson("staff").token(), thread, "They will be set out").then().statusCode(201);
        assertEquals(2, as(ana).get(thread).then().statusCode(200).extract().jsonPath().getList("body").size());
        as(Keycloak.newPerson().token()).get(thread).then().statusCode(404);
        as(Keycloak.newPerson("council").token()).get(thread).then().statusCode(404);
    }
}
