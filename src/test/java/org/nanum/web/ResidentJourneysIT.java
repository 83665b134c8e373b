package org.nanum.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Browser;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.timebank.Households;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What residents, sitters and staff do in the web interface, end to end in real headless Chromium
 * against the real server, PostgreSQL and Keycloak (signing in on Keycloak's own page): borrowing a
 * drill, a babysitting swap that moves the balance on screen, and a reported listing hidden by staff.
 */
@ExtendWith(ArquillianExtension.class)
class ResidentJourneysIT {
    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    static String published(String token, String title, String description) {
        String id = as(token).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"" + description + "\",\"category\":\"goods.tools.power\","
                        + "\"district\":\"mapo\",\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(token).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        Eventually.within(20, "the listing is searchable", () -> as(null).queryParam("q", title).get("/api/listings")
                .then().extract().jsonPath().getList("items.id").contains(id));
        return id;
    }

    static void accessible(Browser browser, String page) throws Exception {
        List<String> problems = browser.seriousAccessibilityProblems();
        assertTrue(problems.isEmpty(), page + ": " + problems);
    }

    @Test
    void a_resident_finds_a_drill_asks_to_borrow_it_and_the_owner_approves() throws Exception {
        String word = "drilvo" + Long.toString(System.nanoTime(), 36);
        Keycloak.Person owner = Keycloak.newPerson();
        String drill = published(owner.token(), "Drill " + word, "Cordless, two batteries");
        Keycloak.Person borrower = Keycloak.newPerson();
        try (Browser browser = Browser.open("en")) {
            browser.go("#/?q=" + word).signIn(borrower);
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Drill " + word))).click();
            browser.heading("Drill " + word).shows("Borrow it");
            browser.type("borrow-message", "For a shelf, thank you!").press("Ask to borrow")
                    .shows("Asked. The lender has been told.");
            accessible(browser, "a listing, signed in");
        }
        Map<String, Object> loan = Database.one("select id, status from loan where listing_id = ?", drill);
        assertEquals("REQUESTED", loan.get("status"));

        try (Browser browser = Browser.open("en")) {
            browser.go("#/me/loans").signIn(owner).heading("Loans, waiting lists and bookings");
            browser.shows("Drill " + word);
            accessible(browser, "loans and requests");
            browser.screenshot("loans");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button.approve[data-loan='" + loan.get("id") + "']"))).click();
            browser.heading("Drill " + word).shows("Approved");
            assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("For a shelf, thank you!"));
            browser.shows("Hand it over");
            accessible(browser, "a loan, for its lender");
        }
        assertEquals("APPROVED", Database.one("select status from loan where id = ?", loan.get("id")).get("status"));
    }

    @Test
    void a_resident_reports_a_listing_staff_hide_it_and_it_disappears_from_search() throws Exception {
        String word = "lumeno" + Long.toString(System.nanoTime(), 36);
        String lamp = published(Keycloak.newPerson().token(), "Lamp " + word, "A heat lamp with a frayed cable");
        try (Browser browser = Browser.open("en")) {
            browser.go("#/listings/" + lamp).signIn(Keycloak.newPerson()).heading("Lamp " + word);
            browser.driver().findElement(By.xpath("//summary[normalize-space()='Report this to staff']")).click();
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("flag-reason"))).selectByValue("UNSAFE");
            browser.type("flag-details", "The cable is frayed near the plug").press("Send the report")
                    .shows("Thank you. Staff will look at it.");
            accessible(browser, "reporting a listing");
        }
        Keycloak.Person staff = Keycloak.newPerson("staff");
        try (Browser browser = Browser.open("en")) {
            browser.go("#/staff").signIn(staff).heading("Moderation queue");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[data-target-id='" + lamp + "']")));
            accessible(browser, "the moderation queue");
            browser.screenshot("staff-queue");
            browser.driver().findElement(By.cssSelector("a[data-target-id='" + lamp + "']")).click();
            browser.shows("The cable is frayed near the plug");
            accessible(browser, "a moderation case");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("decision-action"))).selectByValue("HIDE");
            browser.type("decision-reason", "Unsafe electrical item; the owner may list it again once repaired");
            browser.driver().findElement(By.id("decision-submit")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-outcome")));
        }
        assertEquals("HIDDEN", Database.one("select status from listing where id = ?", lamp).get("status"));
        // Staff still read it (to hear an appeal, or restore it); residents and anyone else no longer do.
        as(staff.token()).get("/api/listings/" + lamp).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("HIDDEN"));
        as(Keycloak.newPerson().token()).get("/api/listings/" + lamp).then().statusCode(404);
        as(null).get("/api/listings/" + lamp).then().statusCode(404);
        try (Browser browser = Browser.open("en")) {
            Eventually.within(20, "the hidden lamp is gone from search", () -> {
                browser.go("#/?q=" + word);
                return browser.driver().findElement(By.tagName("main")).getText().contains("Nothing found");
            });
        }
    }

    @Test
    void a_resident_sees_a_spaces_free_and_taken_slots_books_one_and_cancels_it() throws Exception {
        String staff = Keycloak.newPerson("staff").token();
        String title = "Room " + Long.toString(System.nanoTime(), 36);
        String space = org.nanum.lending.Spaces.create(staff, title, 60, "09:00", "12:00");
        java.time.LocalDate day = org.nanum.lending.Spaces.aThursday();
        org.nanum.lending.Spaces.book(as(Keycloak.newPerson().token()), org.nanum.lending.Spaces.booking(space, day,
                "10:00", "11:00")).then().statusCode(201);
        Keycloak.Person resident = Keycloak.newPerson();
        try (Browser browser = Browser.open("en")) {
            browser.go("#/listings/" + space).signIn(resident).heading(title).shows("Book it");
            browser.driver().executeScript("const d = document.getElementById('book-date'); d.value = arguments[0];"
                    + "d.dispatchEvent(new Event('change'));", day.toString());
            browser.shows("2 free slots. Choose one to book it.");
            // The calendar shows the slot someone else took, without their name, and the free ones as buttons.
            var taken = browser.driver().findElements(By.cssSelector(".slot.taken"));
            assertEquals(1, taken.size());
            assertTrue(taken.get(0).getText().startsWith("10:00"), taken.get(0).getText());
            assertEquals(2, browser.driver().findElements(By.cssSelector("button.slot.free")).size());
            accessible(browser, "a space's day of slots");
            browser.driver().executeScript("document.getElementById('book-day').scrollIntoView()");
            browser.screenshot("space-slots");
            browser.driver().findElements(By.cssSelector("button.slot.free")).get(0).click();
            browser.shows("Booked 1; 0 dates were taken.");
            browser.waiting().until(d -> d.findElements(By.cssSelector(".slot.taken")).size() == 2);
        }
        String resident0 = (String) Database.residentBySubject(resident.id()).get("id");
        Map<String, Object> booking = Database.one("select id, starts_at from booking where listing_id = ? and booker_id = ?",
                space, resident0);
        try (Browser browser = Browser.open("en")) {
            browser.go("#/me/loans").signIn(resident).heading("Loans, waiting lists and bookings");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(title))).click();
            browser.heading(title).shows("Confirmed");
            accessible(browser, "a booking");
            browser.type("booking-cancel-reason", "Our meeting moved").press("Cancel the booking").shows("Cancelled");
        }
        assertEquals("CANCELLED", Database.one("select status from booking where id = ?", booking.get("id")).get("status"));
    }

    @Test
    void a_resident_creates_a_listing_with_the_form_publishes_it_and_anyone_finds_it() throws Exception {
        String title = "Sewing machine " + Long.toString(System.nanoTime(), 36);
        try (Browser browser = Browser.open("en")) {
            browser.go("#/me/listings/new").signIn(Keycloak.newPerson());
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("listing-title")));
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("listing-kind"))).selectByValue("GOODS");
            // Saving without a title or category: the server's problem marks the fields at fault.
            browser.driver().findElement(By.id("listing-save")).click();
            browser.waiting().until(ExpectedConditions.attributeToBe(By.id("listing-title"), "aria-invalid", "true"));
            browser.type("listing-title", title).type("listing-description", "Works well; spare needles included");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("listing-category")))
                    .selectByValue("goods.tools.power");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("listing-district"))).selectByValue("mapo");
            browser.driver().findElement(By.id("listing-save")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("listing-created")));
            accessible(browser, "a new listing");
            browser.driver().findElement(By.id("publish-new")).click();
            browser.waiting().until(d -> "PUBLISHED".equals(Database.one(
                    "select status from listing where title = ?", title).get("status")));
        }
        Eventually.within(20, "the new listing is searchable", () -> as(null).queryParam("q", title).get("/api/listings")
                .then().extract().jsonPath().getList("items.title").contains(title));
    }

    @Test
    void a_resident_erases_their_account_in_the_settings_after_closing_what_was_open() throws Exception {
        Households.Member resident = Households.newHousehold("Web erasure family");
        String id = (String) Database.residentBySubject(resident.person().id()).get("id");
        String owner = Keycloak.newPerson().token();
        String item = published(owner, "Erasure ladder " + Long.toString(System.nanoTime(), 36), "Three metres");
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(3);
        String loan = as(resident.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + item + "\",\"firstDay\":\""
                + day + "\",\"lastDay\":\"" + day + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
        try (Browser browser = Browser.open("en")) {
            browser.go("#/me/settings").signIn(resident.person()).heading("Settings");
            // Something is open: the page says what, with a link to it, and offers no erasure yet.
            browser.driver().findElement(By.id("erase-check")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#settings-erase a[href='#/me/loans/" + loan + "']")));
            assertTrue(browser.driver().findElements(By.id("erase-form")).isEmpty());
            as(resident.token()).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/cancel")
                    .then().statusCode(200);
            // Their household's welcome minutes would be left in an empty household: said in words, linked.
            browser.driver().findElement(By.id("erase-check")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#settings-erase a[href='#/timebank']"), "community pot"));
            Households.pay(resident.token(), Households.key(), Households.to("00000000-0000-4000-8000-0000000000e2", 120))
                    .then().statusCode(201);
            browser.driver().findElement(By.id("erase-check")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-form")));
            accessible(browser, "settings: erase my account");
            browser.driver().findElement(By.cssSelector("#erase-form input[name=confirm]")).sendKeys("ERASE");
            browser.driver().findElement(By.cssSelector("#erase-form button[type=submit]")).click();
            browser.waiting().until(d -> Database.one("select erased_at from resident where id = ?", id).get("erased_at") != null);
            // Signed out here, and Keycloak has no such account any more.
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Sign in"));
        }
        assertEquals("Erased resident", Database.one("select display_name from resident where id = ?", id).get("display_name"));
        as(owner).get("/api/loans/" + loan).then().statusCode(200);
    }

    /**
     * Minutes follow people (decision 0008): leaving a household with minutes in it is refused, and
     * the page says why in the reader's language, with a link to the time bank; once they are given
     * away, the resident leaves.
     */
    @Test
    void a_resident_is_told_in_korean_what_to_settle_before_leaving_their_household() throws Exception {
        Households.Member resident = Households.newHousehold("Web leaving family");
        try (Browser browser = Browser.open("ko")) {
            browser.go("#/me/settings").signIn(resident.person());
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("household-leave"))).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("household-leave-confirm"))).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#household-leaving a[href='#/timebank']"), "공동 기금"));
            accessible(browser, "settings: what to settle before leaving");
            assertEquals(resident.householdId(), Database.residentBySubject(resident.person().id()).get("household_id"));
            Households.pay(resident.token(), Households.key(), Households.to("00000000-0000-4000-8000-0000000000e2", 120))
                    .then().statusCode(201);
            browser.driver().findElement(By.id("household-leave-confirm")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("household-start-name")));
        }
        assertEquals(null, Database.residentBySubject(resident.person().id()).get("household_id"));
    }

    /** Moves a session into the past (it started an hour ago), as if the afternoon had passed. */
    private static void began(String session) {
        OffsetDateTime start = OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        Database.execute("update tb_session set starts_at = ?, ends_at = cast(? as timestamp with time zone) "
                + "+ (ends_at - starts_at) where id = ?", start, start, session);
    }

    private static String text(Browser browser, String id) {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    @Test
    void a_family_asks_for_babysitting_a_sitter_answers_both_confirm_and_the_balance_changes_on_screen() throws Exception {
        Households.Member family = Households.newHousehold("Web family");
        Households.Member sitter = Households.newHousehold("Web sitter");
        // Staff record the sitter's checks, from the number the sitter gives at the office.
        String sitterId = (String) Database.residentBySubject(sitter.person().id()).get("id");
        try (Browser browser = Browser.open("en")) {
            browser.go("#/staff/sitters").signIn(Keycloak.newPerson("staff"));
            browser.type("sitter-resident", sitterId);
            browser.driver().findElement(By.id("sitter-lookup-submit")).click();
            browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("sitter-verified-true"))).click();
            browser.type("sitter-reason", "Record check and first aid certificate seen at the Mapo office");
            browser.driver().findElement(By.id("sitter-submit")).click();
            browser.waiting().until(d -> Database.count("select count(*) from sitter_check where resident_id = ? "
                    + "and withdrawn_at is null", sitterId) == 1);
            accessible(browser, "recording a sitter's checks");
        }
        String title = "Sitting " + Long.toString(System.nanoTime(), 36);

        String listing;
        String before;
        try (Browser browser = Browser.open("en")) {
            browser.go("#/timebank").signIn(family.person()).heading("Time bank");
            before = text(browser, "balance");
            assertEquals("2 h", before);
            browser.driver().findElement(By.linkText("Ask for babysitting")).click();
            browser.heading("Ask for babysitting")
                    .type("ask-title", title)
                    .type("ask-description", "Two evenings a month; quiet games and bedtime stories.")
                    .press("Publish the request").shows("Published.");
            accessible(browser, "asking for babysitting");
            browser.driver().findElement(By.linkText("See the request")).click();
            browser.heading(title);
            listing = browser.driver().getCurrentUrl().replaceAll(".*#/listings/", "");
        }

        try (Browser browser = Browser.open("en")) {
            browser.go("#/listings/" + listing).signIn(sitter.person()).heading(title).shows("Offer your time");
            browser.press("Offer to help").shows("Proposed. The family decides.");
            accessible(browser, "answering a request");
        }
        String session = (String) Database.one("select id from tb_session where listing_id = ?", listing).get("id");

        try (Browser family1 = Browser.open("en"); Browser sitter1 = Browser.open("en")) {
            family1.go("#/timebank").signIn(family.person()).heading("Time bank");
            family1.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(title))).click();
            family1.heading(title).shows("Proposed");
            family1.press("Accept").shows("Scheduled");
            accessible(family1, "a session, for the family");
            family1.go("#/timebank").heading("Time bank");
            assertEquals("2 h", text(family1, "held"));

            began(session);
            family1.go("#/timebank/sessions/" + session).heading(title).press("Confirm it happened").shows("You confirmed");
            sitter1.go("#/timebank/sessions/" + session).signIn(sitter.person()).heading(title);
            sitter1.press("Confirm it happened").shows("Done and paid");
            accessible(sitter1, "a session, for the sitter");

            family1.go("#/timebank").heading("Time bank");
            family1.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("balance"), before)));
            assertEquals("0 h", text(family1, "balance"));
            assertEquals("0 h", text(family1, "held"));
            assertTrue(family1.driver().findElement(By.tagName("main")).getText().contains("Done and paid"));
            accessible(family1, "the time bank");
            family1.screenshot("timebank");
            sitter1.go("#/timebank").heading("Time bank");
            assertEquals("4 h", text(sitter1, "balance"));
        }
        assertEquals("POSTED", Database.one("select status from tb_session where id = ?", session).get("status"));
    }
}
