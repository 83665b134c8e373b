package org.nanum.lending;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.lending.Spaces.book;
import static org.nanum.lending.Spaces.booking;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** A resident's bookings and loans as an iCalendar feed, read back with a real iCalendar parser. */
@ExtendWith(ArquillianExtension.class)
class CalendarIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static Map<String, CalendarComponent> events(String url) throws Exception {
        String body = as(null).get(url).then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> e.getProperty(Property.UID).orElseThrow().getValue(), e -> e));
    }

    private static String value(CalendarComponent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    @Test
    void a_residents_bookings_and_loans_are_in_their_private_feed_and_the_address_can_be_revoked() throws Exception {
        String staff = Keycloak.newPerson("staff").token();
        String ana = Keycloak.newPerson().token();
        LocalDate thursday = Spaces.aThursday();
        String space = Spaces.create(staff, "Calendar hall", 60, "09:00", "22:00");
        String bookingId = book(as(ana), booking(space, thursday, "19:00", "21:00")).then().statusCode(201)
                .extract().path("bookings[0].id");
        String owner = Keycloak.newPerson().token();
        String drill = as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Calendar drill\","
                        + "\"description\":\"A drill\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"latitude\":37.55,\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\","
                        + "\"loanPeriodDays\":5}}}").post("/api/listings").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + drill + "/status")
                .then().statusCode(200);
        String loanId = as(ana).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                + thursday.plusDays(1) + "\",\"lastDay\":\"" + thursday.plusDays(3) + "\"}").post("/api/loans").then()
                .statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loanId + "/approve").then().statusCode(200);

        as(null).post("/api/calendar/feed").then().statusCode(401);
        String url = as(ana).post("/api/calendar/feed").then().statusCode(201).extract().path("url");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertEquals(1, Database.count("select count(*) from calendar_feed where token_hash = ?",
                org.nanum.lending.domain.CalendarFeed.hash(token)), "the token's hash is kept");
        assertEquals(0, Database.count("select count(*) from calendar_feed where token_hash = ?", token),
                "the token itself is not");

        Map<String, CalendarComponent> events = events(url);
        assertEquals(2, events.size(), events.keySet().toString());
        CalendarComponent booked = events.get("booking-" + bookingId + "@nanum");
        assertEquals("Booking: Calendar hall", value(booked, Property.SUMMARY));
        assertEquals(Spaces.at(thursday, "19:00"), java.time.OffsetDateTime.parse(value(booked, Property.DTSTART),
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")).atZoneSameInstant(Spaces.SEOUL)
                .toOffsetDateTime().toString());
        CalendarComponent lent = events.get("loan-" + loanId + "@nanum");
        assertEquals(thursday.plusDays(1).toString().replace("-", ""), value(lent, Property.DTSTART));
        assertEquals(thursday.plusDays(4).toString().replace("-", ""), value(lent, Property.DTEND));

        // Another resident's feed holds only theirs.
        String ben = Keycloak.newPerson().token();
        String benUrl = as(ben).post("/api/calendar/feed").then().statusCode(201).extract().path("url");
        assertEquals(0, events(benUrl).size());

        // A cancelled booking stays, marked cancelled, so calendar apps remove it.
        as(ana).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + bookingId + "/cancel").then().statusCode(200);
        assertEquals("CANCELLED", value(events(url).get("booking-" + bookingId + "@nanum"), Property.STATUS));

        // A new address revokes the old; deleting revokes the new.
        String second = as(ana).post("/api/calendar/feed").then().statusCode(201).extract().path("url");
        as(null).get(url).then().statusCode(404).contentType("application/problem+json");
        assertEquals(2, events(second).size());
        as(ana).delete("/api/calendar/feed").then().statusCode(204);
        as(null).get(second).then().statusCode(404);
        as(null).get("/api/calendar/not-a-token.ics").then().statusCode(404);
    }
}
