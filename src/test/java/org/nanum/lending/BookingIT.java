package org.nanum.lending;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.lending.Spaces.at;
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
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Booking spaces through the real server: every rule, refusal and who may see what. */
@ExtendWith(ArquillianExtension.class)
class BookingIT {
    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String staff() {
        return Keycloak.newPerson("staff").token();
    }

    @Test
    void a_resident_books_a_slot_sees_it_and_nobody_else_can_take_it() {
        String space = Spaces.create(staff(), "Booking room", 60, "09:00", "22:00");
        Keycloak.Person anaPerson = Keycloak.newPerson();
        String ana = anaPerson.token();
        LocalDate thursday = Spaces.aThursday();

        String id = book(as(ana), "{\"spaceId\":\"" + space + "\",\"start\":\"" + at(thursday, "19:00") + "\",\"end\":\""
                + at(thursday, "21:00") + "\",\"groupName\":\"Mapo choir\",\"note\":\"Piano please\"}")
                .then().statusCode(201).header("Location", containsString("/api/bookings/"))
                .body("bookings[0].status", equalTo("CONFIRMED")).body("bookings[0].groupName", equalTo("Mapo choir"))
                .extract().path("bookings[0].id");
        assertEquals(8, Database.count("select count(*) from booking_slot where booking_id = ?", id));

        as(ana).get("/api/bookings/mine").then().statusCode(200).body("id", hasItem(id));
        as(ana).get("/api/bookings/" + id).then().statusCode(200).body("yours", equalTo(true));
        // The day shows the slots taken, to anyone, without names.
        var day = as(null).get("/api/spaces/" + space + "/day?date=" + thursday).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(13, day.getList("slots").size());
        assertEquals(List.of(false, false), List.of(day.getBoolean("slots[10].free"), day.getBoolean("slots[11].free")));
        assertTrue(day.getBoolean("slots[9].free") && day.getBoolean("slots[12].free"));
        assertFalse(day.prettyPrint().contains("Mapo choir"));

        // The same slot, and one that overlaps it, are refused with the date that clashes.
        String ben = Keycloak.newPerson().token();
        book(as(ben), booking(space, thursday, "19:00", "21:00")).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:slot-taken")).body("errors[0].field", equalTo("dates[0]"));
        book(as(ben), booking(space, thursday, "20:00", "22:00")).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:slot-taken"));
        book(as(ben), booking(space, thursday, "21:00", "22:00")).then().statusCode(201);
        // Another resident sees neither the booking nor that it exists.
        as(ben).get("/api/bookings/" + id).then().statusCode(404).contentType(PROBLEM);
        // Staff of the city's space see it, with the booker's name.
        String sam = staff();
        as(sam).get("/api/spaces/" + space + "/bookings?from=" + thursday + "&to=" + thursday).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.bookerName", equalTo("Test " + anaPerson.username()));
        as(ben).get("/api/spaces/" + space + "/bookings?from=" + thursday + "&to=" + thursday).then().statusCode(403);
        // Staff see the bookings of all the city's spaces in one list; a resident manages none.
        as(sam).get("/api/bookings/managed?from=" + thursday + "&to=" + thursday).then().statusCode(200)
                .body("id", hasItem(id));
        assertEquals(0, as(ben).get("/api/bookings/managed?from=" + thursday + "&to=" + thursday).then().statusCode(200)
                .extract().jsonPath().getList("id").size());
        as(sam).get("/api/bookings/managed?from=" + thursday + "&to=" + thursday.plusDays(200)).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void a_paused_space_does_not_hide_the_bookers_own_booking_from_them() {
        String staff = staff();
        String space = Spaces.create(staff, "Paused room", 60, "09:00", "22:00");
        String ana = Keycloak.newPerson().token();
        String id = book(as(ana), booking(space, Spaces.aThursday(), "10:00", "11:00")).then().statusCode(201)
                .extract().path("bookings[0].id");
        as(staff).contentType(ContentType.JSON).body("{\"status\":\"PAUSED\"}").put("/api/listings/" + space + "/status")
                .then().statusCode(200);
        as(ana).get("/api/bookings/mine").then().statusCode(200).body("id", hasItem(id));
        as(ana).get("/api/bookings/" + id).then().statusCode(200).body("spaceTitle", equalTo("Paused room"));
        as(ana).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        as(Keycloak.newPerson().token()).get("/api/bookings/" + id).then().statusCode(404);
    }

    @Test
    void who_may_call_what() {
        String space = Spaces.create(staff(), "Access room", 60, "09:00", "22:00");
        LocalDate thursday = Spaces.aThursday();
        book(as(null), booking(space, thursday, "10:00", "11:00")).then().statusCode(401).contentType(PROBLEM);
        as(null).get("/api/bookings/mine").then().statusCode(401);
        as(null).get("/api/spaces/" + space + "/bookings?from=" + thursday + "&to=" + thursday).then().statusCode(401);
        as(null).contentType(ContentType.JSON).body("{\"spaceId\":\"" + space + "\",\"start\":\"" + at(thursday, "10:00")
                + "\",\"end\":\"" + at(thursday, "11:00") + "\",\"reason\":\"x\"}").post("/api/bookings/blocks")
                .then().statusCode(401);
        // A resident may not close the city's space; staff may.
        String resident = Keycloak.newPerson().token();
        String block = "{\"spaceId\":\"" + space + "\",\"start\":\"" + at(thursday, "10:00") + "\",\"end\":\""
                + at(thursday, "12:00") + "\",\"reason\":\"Boiler repair\"}";
        as(resident).contentType(ContentType.JSON).body(block).post("/api/bookings/blocks").then().statusCode(403)
                .body("type", equalTo("urn:nanum:problem:not-your-space"));
        String staff = staff();
        String blockId = as(staff).contentType(ContentType.JSON).body(block).post("/api/bookings/blocks").then()
                .statusCode(201).body("purpose", equalTo("BLOCK")).extract().path("id");
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'space.blocked' and target_id = ?", space));
        book(as(resident), booking(space, thursday, "11:00", "12:00")).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:slot-taken"));
        // Council members and admins have no say over a city space's bookings unless staff.
        as(Keycloak.newPerson("council").token()).contentType(ContentType.JSON).body(block).post("/api/bookings/blocks")
                .then().statusCode(403);
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Repair moved\"}").post("/api/bookings/" + blockId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        book(as(resident), booking(space, thursday, "11:00", "12:00")).then().statusCode(201);
        // Anyone may see a day's slots.
        as(null).get("/api/spaces/" + space + "/day?date=" + thursday).then().statusCode(200);
    }

    @Test
    void bad_times_are_refused_naming_the_field_and_nothing_is_written() {
        String space = Spaces.create(staff(), "Rules room", 60, "09:00", "22:00");
        String ana = Keycloak.newPerson().token();
        LocalDate thursday = Spaces.aThursday();
        LocalDate past = LocalDate.now(Spaces.SEOUL).minusDays(2);
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case(booking(space, thursday, "19:30", "20:30"), "start"),
                new Case(booking(space, thursday, "19:00", "19:30"), "end"),
                new Case(booking(space, thursday, "21:00", "23:00"), "start"),
                new Case(booking(space, thursday, "20:00", "19:00"), "end"),
                new Case(booking(space, past, "10:00", "11:00"), "start"),
                new Case(booking(space, thursday.plusDays(400), "10:00", "11:00"), "start"),
                new Case(booking(space, thursday, "09:00", "19:00"), "end"),
                new Case("{\"spaceId\":\"" + space + "\",\"start\":\"" + at(thursday, "10:00") + "\",\"end\":\""
                        + at(thursday, "11:00") + "\",\"weeks\":0}", "weeks"),
                new Case("{\"start\":\"" + at(thursday, "10:00") + "\",\"end\":\"" + at(thursday, "11:00") + "\"}", "spaceId"))) {
            var r = book(as(ana), c.body()).then().statusCode(400).contentType(PROBLEM).extract().jsonPath();
            assertTrue(r.getList("errors.field").stream().anyMatch(f -> String.valueOf(f).endsWith(c.field())),
                    c.body() + " → " + r.prettyPrint());
        }
        book(as(ana), "{\"spaceId\":\"" + space + "\",\"start\":\"tomorrow\",\"end\":\"" + at(thursday, "10:00") + "\"}")
                .then().statusCode(400).contentType(PROBLEM);
        book(as(ana), booking("no-such-space", thursday, "10:00", "11:00")).then().statusCode(404);
        // A listing that is not a space takes no bookings.
        String goods = as(ana).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Drill to lend\","
                + "\"description\":\"A drill\",\"category\":\"goods.tools.power\",\"district\":\"mapo\",\"latitude\":37.55,"
                + "\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        book(as(ana), booking(goods, thursday, "10:00", "11:00")).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:space-not-bookable"));
        assertEquals(0, Database.count("select count(*) from booking where listing_id = ?", space));
    }

    @Test
    void a_recurring_booking_is_all_or_nothing_or_books_the_free_dates() {
        String space = Spaces.create(staff(), "Choir room", 120, "10:00", "22:00");
        String choir = Keycloak.newPerson().token();
        String other = Keycloak.newPerson().token();
        LocalDate thursday = Spaces.aThursday();
        book(as(other), booking(space, thursday.plusWeeks(2), "20:00", "22:00")).then().statusCode(201);

        String weekly = "{\"spaceId\":\"" + space + "\",\"start\":\"" + at(thursday, "20:00") + "\",\"end\":\""
                + at(thursday, "22:00") + "\",\"weeks\":4";
        book(as(choir), weekly + "}").then().statusCode(409).body("type", equalTo("urn:nanum:problem:slot-taken"))
                .body("errors.field", equalTo(List.of("dates[2]")))
                .body("errors[0].message", containsString(thursday.plusWeeks(2).toString()));
        assertEquals(1, Database.count("select count(*) from booking where listing_id = ?", space));

        var booked = book(as(choir), weekly + ",\"allOrNothing\":false}").then().statusCode(201).extract().jsonPath();
        assertEquals(3, booked.getList("bookings").size());
        assertEquals(1, booked.getList("skipped").size());
        String series = booked.getString("bookings[0].seriesId");
        assertEquals(3, Database.count("select count(*) from booking where series_id = ?", series));
    }

    @Test
    void the_booker_cancels_in_time_staff_cancel_with_a_reason_and_the_slots_are_free_again() {
        String space = Spaces.create(staff(), "Cancel room", 60, "09:00", "22:00");
        String ana = Keycloak.newPerson().token();
        LocalDate thursday = Spaces.aThursday();
        String first = book(as(ana), booking(space, thursday, "10:00", "11:00")).then().statusCode(201)
                .extract().path("bookings[0].id");
        String second = book(as(ana), booking(space, thursday, "11:00", "12:00")).then().statusCode(201)
                .extract().path("bookings[0].id");
        String ben = Keycloak.newPerson().token();
        as(ben).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + first + "/cancel").then().statusCode(404);
        as(ana).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(ana).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + first + "/cancel").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:booking-not-cancellable"));
        assertEquals(0, Database.count("select count(*) from booking_slot where booking_id = ?", first));
        book(as(ben), booking(space, thursday, "10:00", "11:00")).then().statusCode(201);

        String staff = staff();
        as(staff).contentType(ContentType.JSON).body("{}").post("/api/bookings/" + second + "/cancel").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(staff).contentType(ContentType.JSON).body("{\"reason\":\"Flooded\"}").post("/api/bookings/" + second + "/cancel")
                .then().statusCode(200).body("cancelReason", equalTo("Flooded"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'booking.cancelled-by-staff' "
                + "and target_id = ? and reason = 'Flooded'", second));
    }

    @Test
    void a_resident_holds_at_most_the_policy_number_of_future_bookings() {
        int limit = as(null).get("/api/policy").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.key == 'BOOKING_MAX_ACTIVE' }.value");
        String space = Spaces.create(staff(), "Limit room", 60, "08:00", "22:00");
        String ana = Keycloak.newPerson().token();
        LocalDate thursday = Spaces.aThursday();
        for (int i = 0; i < limit; i++) {
            String from = String.format("%02d:00", 8 + i);
            String to = String.format("%02d:00", 9 + i);
            book(as(ana), booking(space, thursday, from, to)).then().statusCode(201);
        }
        book(as(ana), booking(space, thursday.plusDays(1), "10:00", "11:00")).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:booking-limit-reached"));
    }

    @Test
    void a_fully_booked_day_leaves_the_space_out_of_searches_for_that_day() {
        String tag = "fullday" + Long.toString(System.nanoTime(), 36);
        String space = Spaces.create(staff(), tag + " studio", 120, "10:00", "12:00");
        LocalDate thursday = Spaces.aThursday();
        String query = "q=" + tag + "&availableFrom=" + thursday + "&availableTo=" + thursday;
        Eventually.within(15, "the space is found", () -> as(null).get("/api/listings?" + query).then().extract()
                .jsonPath().getList("items.id").contains(space));
        String id = book(as(Keycloak.newPerson().token()), booking(space, thursday, "10:00", "12:00")).then()
                .statusCode(201).extract().path("bookings[0].id");
        Eventually.within(15, "the fully booked space is left out for that day", () -> !as(null)
                .get("/api/listings?" + query).then().extract().jsonPath().getList("items.id").contains(space));
        as(null).get("/api/listings?q=" + tag + "&availableFrom=" + thursday.plusDays(1)).then()
                .body("items.id", hasItem(space));
        as(staff()).contentType(ContentType.JSON).body("{\"reason\":\"Event moved\"}").post("/api/bookings/" + id + "/cancel")
                .then().statusCode(200);
        Eventually.within(15, "free again", () -> as(null).get("/api/listings?" + query).then().extract()
                .jsonPath().getList("items.id").contains(space));
    }

    @Test
    void the_policy_values_are_public() {
        var policy = as(null).get("/api/policy").then().statusCode(200).extract().jsonPath();
        assertTrue(policy.getList("key").containsAll(List.of("BOOKING_MAX_ACTIVE", "BOOKING_MAX_DAYS_AHEAD",
                "LOAN_MAX_ACTIVE", "HOLD_OFFER_HOURS")));
        assertEquals(10, policy.getInt("find { it.key == 'BOOKING_MAX_ACTIVE' }.value"));
        as(null).get("/api/policy/BOOKING_MAX_ACTIVE/history").then().statusCode(200);
        as(null).get("/api/policy/NO_SUCH_RULE/history").then().statusCode(404).contentType(PROBLEM);
    }
}
