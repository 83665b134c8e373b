package org.nanum.lending;

import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Function;

/** Builders for booking tests: a city space of one's own, and times in the city's zone. */
public final class Spaces {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private Spaces() {
    }

    /** A published city space, bookable every day between the hours given, with slots of that length. */
    public static String create(Function<String, RequestSpecification> server, String staffToken, String title,
                                int slotMinutes, String from, String to) {
        String body = "{\"kind\":\"SPACE\",\"title\":\"" + title + "\",\"description\":\"A room for tests\","
                + "\"category\":\"space.meeting-room\",\"district\":\"mapo\",\"details\":{\"space\":{\"capacity\":20,"
                + "\"openingHours\":\"every day " + from + "-" + to + "\",\"slotMinutes\":" + slotMinutes + ","
                + "\"bookableHours\":[{\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\","
                + "\"SUNDAY\"],\"from\":\"" + from + "\",\"to\":\"" + to + "\"}]}}}";
        String id = server.apply(staffToken).contentType(ContentType.JSON).body(body).post("/api/listings")
                .then().statusCode(201).extract().path("id");
        server.apply(staffToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}")
                .put("/api/listings/" + id + "/status").then().statusCode(200);
        return id;
    }

    public static String create(String staffToken, String title, int slotMinutes, String from, String to) {
        return create(t -> as(t), staffToken, title, slotMinutes, from, to);
    }

    /** A Thursday at least a week ahead (and well within the 90 days a booking may be ahead). */
    public static LocalDate aThursday() {
        return LocalDate.now(SEOUL).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
    }

    public static String at(LocalDate day, String hhmm) {
        return OffsetDateTime.of(day, LocalTime.parse(hhmm), SEOUL.getRules().getOffset(day.atStartOfDay())).toString();
    }

    public static String booking(String spaceId, LocalDate day, String from, String to) {
        return "{\"spaceId\":\"" + spaceId + "\",\"start\":\"" + at(day, from) + "\",\"end\":\"" + at(day, to) + "\"}";
    }

    public static Response book(RequestSpecification as, String body) {
        return as.contentType(ContentType.JSON).body(body).post("/api/bookings");
    }
}
