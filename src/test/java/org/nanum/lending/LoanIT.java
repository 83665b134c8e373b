package org.nanum.lending;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/** Borrowing goods through the real server: the whole lifecycle, every refusal, who sees what. */
@ExtendWith(ArquillianExtension.class)
class LoanIT {
    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    private static String item(String ownerToken, String title, int loanDays) {
        return item(ownerToken, title, loanDays, 20000);
    }

    private static String item(String ownerToken, String title, int loanDays, int deposit) {
        String id = as(ownerToken).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"" + title + "\","
                        + "\"description\":\"Lent with care\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"latitude\":37.55,\"longitude\":126.91,\"details\":{\"goods\":{\"condition\":\"GOOD\","
                        + "\"loanPeriodDays\":" + loanDays + ",\"depositKrw\":" + deposit
                        + ",\"pickupPlace\":\"Flat 301, door code 1234\"}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(ownerToken).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }

    private static Response ask(String token, String item, LocalDate first, LocalDate last) {
        return as(token).contentType(ContentType.JSON).body("{\"itemId\":\"" + item + "\",\"firstDay\":\"" + first
                + "\",\"lastDay\":\"" + last + "\",\"message\":\"For a shelf\"}").post("/api/loans");
    }

    private static Response act(String token, String loan, String action, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/loans/" + loan + "/" + action);
    }

    private static LocalDate soon(int days) {
        return LocalDate.now(Spaces.SEOUL).plusDays(days);
    }

    @Test
    void a_loan_goes_from_request_to_return_and_the_place_is_shown_only_once_approved() {
        String owner = Keycloak.newPerson().token();
        Keycloak.Person borrowerPerson = Keycloak.newPerson();
        String borrower = borrowerPerson.token();
        String drill = item(owner, "Lifecycle drill", 5);

        String loan = ask(borrower, drill, soon(3), soon(5)).then().statusCode(201)
                .body("status", equalTo("REQUESTED")).body("pickupPlace", nullValue()).body("depositKrw", equalTo(20000))
                .extract().path("id");
        // The lender sees the request with the borrower's name.
        as(owner).get("/api/loans?item=" + drill).then().statusCode(200)
                .body("find { it.id == '" + loan + "' }.borrowerName", equalTo("Test " + borrowerPerson.username()));
        // The borrower cannot approve their own request; another resident does not see it at all.
        act(borrower, loan, "approve", "{}").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:not-the-lender"));
        String stranger = Keycloak.newPerson().token();
        act(stranger, loan, "approve", "{}").then().statusCode(404);
        as(stranger).get("/api/loans/" + loan).then().statusCode(404);
        as(stranger).get("/api/loans?item=" + drill).then().statusCode(403);
        // Returning what was never picked up is refused.
        act(owner, loan, "return", "{\"condition\":\"GOOD\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:loan-transition-not-allowed"));

        act(owner, loan, "approve", "{\"reason\":\"Enjoy\"}").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(3, Database.count("select count(*) from loan_day where loan_id = ?", loan));
        as(borrower).get("/api/loans/" + loan).then().statusCode(200)
                .body("pickupPlace", equalTo("Flat 301, door code 1234"));
        // The days are held: the item is out of searches for them.
        Eventually.within(15, "the item is out of search on a lent day", () -> !as(null)
                .queryParam("q", "Lifecycle drill").queryParam("availableFrom", soon(4).toString()).get("/api/listings")
                .then().extract().jsonPath().getList("items.id").contains(drill));

        act(owner, loan, "pickup", "{\"condition\":\"GOOD\"}").then().statusCode(409); // more than a day early
        Database.execute("update loan set first_day = ?, last_day = ? where id = ?", soon(0), soon(2), loan);
        act(owner, loan, "pickup", "{}").then().statusCode(400).body("errors[0].field", equalTo("condition"));
        act(owner, loan, "pickup", "{\"condition\":\"GOOD\"}").then().statusCode(200).body("status", equalTo("OUT"));
        act(borrower, loan, "cancel", "{}").then().statusCode(409);
        act(owner, loan, "return", "{\"condition\":\"FAIR\",\"damage\":\"Chuck scratched\"}").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("conditionBack", equalTo("FAIR"))
                .body("damageNote", equalTo("Chuck scratched"));
        as(borrower).get("/api/loans/mine").then().statusCode(200).body("id", hasItem(loan));
    }

    @Test
    void an_item_is_never_lent_twice_for_a_day() {
        String owner = Keycloak.newPerson().token();
        String drill = item(owner, "Contested drill", 7);
        String ana = Keycloak.newPerson().token();
        String ben = Keycloak.newPerson().token();
        String first = ask(ana, drill, soon(10), soon(12)).then().statusCode(201).extract().path("id");
        String second = ask(ben, drill, soon(12), soon(14)).then().statusCode(201).extract().path("id");
        act(owner, first, "approve", "{}").then().statusCode(200);
        act(owner, second, "approve", "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:nanum:problem:days-taken")).body("errors[0].field", equalTo("days"));
        // A new request for a lent day is refused at once.
        ask(Keycloak.newPerson().token(), drill, soon(11), soon(11)).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:days-taken"));
        act(owner, second, "decline", "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        act(owner, second, "decline", "{\"reason\":\"Lent already\"}").then().statusCode(200).body("status", equalTo("DECLINED"));
        // Cancelled before pick-up, the days are free again.
        act(ana, first, "cancel", "{}").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(0, Database.count("select count(*) from loan_day where loan_id = ?", first));
        ask(ben, drill, soon(11), soon(12)).then().statusCode(201);
    }

    @Test
    void bad_requests_are_refused_and_nothing_is_written() {
        String owner = Keycloak.newPerson().token();
        String drill = item(owner, "Rules drill", 3);
        String ana = Keycloak.newPerson().token();
        ask(ana, drill, soon(-1), soon(1)).then().statusCode(400).body("errors[0].field", equalTo("firstDay"));
        ask(ana, drill, soon(5), soon(4)).then().statusCode(400).body("errors[0].field", equalTo("lastDay"));
        ask(ana, drill, soon(5), soon(9)).then().statusCode(400).body("errors[0].field", equalTo("lastDay"));
        ask(ana, drill, soon(400), soon(401)).then().statusCode(400).body("errors[0].field", equalTo("firstDay"));
        as(ana).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\"}").post("/api/loans").then()
                .statusCode(400).contentType(PROBLEM);
        ask(owner, drill, soon(5), soon(6)).then().statusCode(409).body("type", equalTo("urn:nanum:problem:own-item"));
        ask(ana, "no-such-item", soon(5), soon(6)).then().statusCode(404);
        ask(null, drill, soon(5), soon(6)).then().statusCode(401).contentType(PROBLEM);
        assertEquals(0, Database.count("select count(*) from loan where listing_id = ?", drill));
        // Asking twice for the same days is refused.
        ask(ana, drill, soon(5), soon(6)).then().statusCode(201);
        ask(ana, drill, soon(6), soon(7)).then().statusCode(409).body("type", equalTo("urn:nanum:problem:item-not-lendable"));
    }

    @Test
    void a_borrower_renews_while_nobody_waits_and_the_limit_holds() {
        String owner = Keycloak.newPerson().token();
        String drill = item(owner, "Renewal drill", 4);
        String ana = Keycloak.newPerson().token();
        String loan = ask(ana, drill, soon(20), soon(21)).then().statusCode(201).extract().path("id");
        act(owner, loan, "approve", "{}").then().statusCode(200);
        act(ana, loan, "renew", "{\"lastDay\":\"" + soon(23) + "\"}").then().statusCode(200)
                .body("lastDay", equalTo(soon(23).toString())).body("renewals", equalTo(1));
        assertEquals(4, Database.count("select count(*) from loan_day where loan_id = ?", loan));
        // Someone asks for the next days: no renewal over them.
        ask(Keycloak.newPerson().token(), drill, soon(24), soon(25)).then().statusCode(201);
        act(ana, loan, "renew", "{\"lastDay\":\"" + soon(25) + "\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:renewal-refused"));
        act(owner, loan, "renew", "{\"lastDay\":\"" + soon(24) + "\"}").then().statusCode(404);

        int limit = as(null).get("/api/policy").then().extract().jsonPath().getInt("find { it.key == 'LOAN_MAX_ACTIVE' }.value");
        String ben = Keycloak.newPerson().token();
        for (int i = 0; i < limit; i++) {
            ask(ben, item(owner, "Limit item " + i, 3), soon(30), soon(31)).then().statusCode(201);
        }
        ask(ben, item(owner, "One too many", 3), soon(30), soon(31)).then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:loan-limit-reached"));
    }

    @Test
    void a_lender_sees_everything_they_lend_in_one_list() {
        String owner = Keycloak.newPerson().token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Listed drill", 3);
        String saw = item(owner, "Listed saw", 3);
        String first = ask(ana, drill, soon(8), soon(8)).then().statusCode(201).extract().path("id");
        String second = ask(ana, saw, soon(9), soon(9)).then().statusCode(201).extract().path("id");
        String declined = ask(Keycloak.newPerson().token(), saw, soon(12), soon(12)).then().statusCode(201).extract().path("id");
        act(owner, declined, "decline", "{\"reason\":\"Away\"}").then().statusCode(200);
        java.util.List<String> ids = as(owner).get("/api/loans/lending").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(java.util.List.of(first, second), ids);
        // The borrower lends nothing; a stranger sees none of it.
        assertEquals(0, as(ana).get("/api/loans/lending").then().statusCode(200).extract().jsonPath().getList("id").size());
        as(null).get("/api/loans/lending").then().statusCode(401);
    }

    @Test
    void staff_run_the_city_tool_library_on_the_record() {
        String staff = Keycloak.newPerson("staff").token();
        String saw = as(staff).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"ownerType\":\"CITY\","
                        + "\"title\":\"Library saw\",\"description\":\"The city's saw\",\"category\":\"goods.tools.power\","
                        + "\"district\":\"mapo\",\"latitude\":37.55,\"longitude\":126.91,\"details\":{\"goods\":"
                        + "{\"condition\":\"GOOD\",\"loanPeriodDays\":3,\"pickupPlace\":\"Tool library desk\"}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(staff).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + saw + "/status")
                .then().statusCode(200);
        String ana = Keycloak.newPerson().token();
        String loan = ask(ana, saw, soon(2), soon(3)).then().statusCode(201).extract().path("id");
        // Another staff member may decide for the city; their decision is in the audit trail.
        String otherStaff = Keycloak.newPerson("staff").token();
        act(otherStaff, loan, "approve", "{\"reason\":\"Bring ID\"}").then().statusCode(200);
        // Every staff member sees the city's loans in their lending list.
        as(Keycloak.newPerson("staff").token()).get("/api/loans/lending").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(loan));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'loan.approved' and target_id = ?",
                loan));
        act(Keycloak.newPerson().token(), loan, "cancel", "{\"reason\":\"x\"}").then().statusCode(404);
        act(otherStaff, loan, "cancel", "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        act(otherStaff, loan, "cancel", "{\"reason\":\"Saw broken\"}").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'loan.cancelled-by-lender' "
                + "and target_id = ? and reason = 'Saw broken'", loan));
    }

    private static String returnedLoan(String owner, String borrower, String item) {
        String loan = ask(borrower, item, soon(0), soon(1)).then().statusCode(201).extract().path("id");
        act(owner, loan, "approve", "{}").then().statusCode(200);
        act(owner, loan, "pickup", "{\"condition\":\"GOOD\"}").then().statusCode(200);
        act(owner, loan, "return", "{\"condition\":\"WORN\",\"damage\":\"Cracked case\"}").then().statusCode(200);
        return loan;
    }

    @Test
    void staff_decide_a_deposit_once_the_item_is_back_on_the_record() {
        String owner = Keycloak.newPerson().token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Deposit drill", 3);
        String early = ask(ana, drill, soon(20), soon(21)).then().statusCode(201).extract().path("id");
        String staff = Keycloak.newPerson("staff").token();
        act(staff, early, "deposit", "{\"outcome\":\"RELEASED\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:loan-transition-not-allowed"));
        act(ana, early, "cancel", "{}").then().statusCode(200);

        String loan = returnedLoan(owner, ana, drill);
        // Residents, the borrower and the lender alike, do not decide deposits.
        act(owner, loan, "deposit", "{\"outcome\":\"KEPT\",\"reason\":\"x\"}").then().statusCode(403);
        act(ana, loan, "deposit", "{\"outcome\":\"RELEASED\"}").then().statusCode(403);
        act(staff, loan, "deposit", "{\"outcome\":\"PARTLY_KEPT\",\"keptKrw\":20000,\"reason\":\"x\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("keptKrw"));
        act(staff, loan, "deposit", "{\"outcome\":\"PARTLY_KEPT\",\"keptKrw\":5000}").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        act(staff, loan, "deposit", "{\"outcome\":\"MAYBE\"}").then().statusCode(400);
        act(staff, loan, "deposit", "{\"outcome\":\"PARTLY_KEPT\",\"keptKrw\":5000,\"reason\":\"Cracked case\"}")
                .then().statusCode(200).body("depositOutcome", equalTo("PARTLY_KEPT")).body("depositKeptKrw", equalTo(5000));
        act(staff, loan, "deposit", "{\"outcome\":\"RELEASED\"}").then().statusCode(409);
        as(ana).get("/api/loans/" + loan).then().statusCode(200).body("depositReason", equalTo("Cracked case"));
        assertEquals(1, Database.count("select count(*) from audit_record where action = 'loan.deposit-decided' "
                + "and target_id = ?", loan));
    }

    @Test
    void a_deposit_within_the_councils_waiver_is_not_asked_for() throws InterruptedException {
        // The waiver as a council's decision leaves it: a policy row (below the 20,000 won the other tests lend with).
        Database.execute("insert into policy_value (policy_key, effective_from, policy_value, decided_by, reason, "
                + "recorded_at) values ('LOAN_DEPOSIT_WAIVED_UP_TO_KRW', current_timestamp, '15000', 'LoanIT', "
                + "'test waiver', current_timestamp)");
        try {
            Thread.sleep(6_000); // services re-read policy values every five seconds
            String owner = Keycloak.newPerson().token();
            String ana = Keycloak.newPerson().token();
            String small = item(owner, "Waived drill", 3, 15000);
            String big = item(owner, "Deposit sander", 3, 15001);
            ask(ana, small, soon(3), soon(4)).then().statusCode(201).body("depositKrw", nullValue());
            ask(ana, big, soon(3), soon(4)).then().statusCode(201).body("depositKrw", equalTo(15001));
        } finally {
            Database.execute("delete from policy_value where decided_by = 'LoanIT'");
        }
    }

    @Test
    void borrower_and_lender_rate_each_other_once_after_a_returned_loan_and_lenders_see_it() {
        String owner = Keycloak.newPerson().token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Reference drill", 3);
        String pending = ask(ana, drill, soon(30), soon(30)).then().statusCode(201).extract().path("id");
        act(ana, pending, "reference", "{\"rating\":5}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:reference-not-allowed"));
        act(ana, pending, "cancel", "{}").then().statusCode(200);

        String loan = returnedLoan(owner, ana, drill);
        act(ana, loan, "reference", "{\"rating\":6}").then().statusCode(400).body("errors[0].field", equalTo("rating"));
        act(ana, loan, "reference", "{\"rating\":5,\"comment\":\"Kind and on time\"}").then().statusCode(201)
                .body("aboutRole", equalTo("LENDER"));
        act(ana, loan, "reference", "{\"rating\":4}").then().statusCode(409);
        act(owner, loan, "reference", "{\"rating\":3,\"comment\":\"Case came back cracked\"}").then().statusCode(201)
                .body("aboutRole", equalTo("BORROWER"));
        act(Keycloak.newPerson().token(), loan, "reference", "{\"rating\":1}").then().statusCode(404);

        as(ana).get("/api/loans/references/mine").then().statusCode(200).body("standing.references", equalTo(1))
                .body("standing.averageRating", equalTo(3.0f)).body("aboutMe[0].comment", equalTo("Case came back cracked"))
                .body("byMe[0].rating", equalTo(5));
        // The next lender weighing ana's request sees her standing.
        String other = Keycloak.newPerson().token();
        String saw = item(other, "Reference saw", 3);
        String request = ask(ana, saw, soon(40), soon(40)).then().statusCode(201).extract().path("id");
        as(other).get("/api/loans/" + request).then().statusCode(200).body("borrowerStanding.references", equalTo(1));
        as(ana).get("/api/loans/" + request).then().statusCode(200).body("borrowerStanding", nullValue());
    }

    @Test
    void an_overdue_borrower_is_reminded_once_per_reminder_period() {
        String owner = Keycloak.newPerson().token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Overdue drill", 3);
        String loan = ask(ana, drill, soon(0), soon(1)).then().statusCode(201).extract().path("id");
        act(owner, loan, "approve", "{}").then().statusCode(200);
        act(owner, loan, "pickup", "{\"condition\":\"GOOD\"}").then().statusCode(200);
        as(ana).get("/api/loans/" + loan).then().body("overdue", equalTo(false));
        Database.execute("update loan set first_day = ?, last_day = ? where id = ?", soon(-5), soon(-2), loan);

        as(ana).get("/api/loans/" + loan).then().body("overdue", equalTo(true));
        Eventually.within(20, "the borrower is reminded", () -> as(ana).get("/api/notifications").then().extract()
                .jsonPath().getList("kind").contains("LOAN_OVERDUE"));
        // The next sweeps (every 2 s in tests) do not remind again within OVERDUE_REMINDER_HOURS.
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, as(ana).get("/api/notifications").then().extract().jsonPath().getList("kind").stream()
                .filter("LOAN_OVERDUE"::equals).count());
        // Nobody else is told.
        assertEquals(0, as(owner).get("/api/notifications").then().extract().jsonPath().getList("kind").stream()
                .filter("LOAN_OVERDUE"::equals).count());
    }

    @Test
    void a_paused_or_withdrawn_item_does_not_hide_the_borrowers_own_loans_from_them() {
        String owner = Keycloak.newPerson().token();
        String ana = Keycloak.newPerson().token();
        String drill = item(owner, "Paused drill", 3);
        String loan = ask(ana, drill, soon(6), soon(6)).then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PAUSED\"}").put("/api/listings/" + drill + "/status")
                .then().statusCode(200);
        as(ana).get("/api/loans/mine").then().statusCode(200).body("id", hasItem(loan));
        as(ana).get("/api/loans/" + loan).then().statusCode(200).body("itemTitle", equalTo("Paused drill"));
        as(ana).contentType(ContentType.JSON).body("{\"body\":\"Still on?\"}").post("/api/loans/" + loan + "/messages")
                .then().statusCode(201);
        // Its owner may still approve; a renewal is refused because the item is paused, not as a missing item.
        act(owner, loan, "approve", "{}").then().statusCode(200);
        act(ana, loan, "renew", "{\"lastDay\":\"" + soon(7) + "\"}").then().statusCode(409)
                .body("type", equalTo("urn:nanum:problem:item-not-lendable"));
        act(ana, loan, "cancel", "{}").then().statusCode(200).body("status", equalTo("CANCELLED"));
        // Strangers still see nothing of it.
        as(Keycloak.newPerson().token()).get("/api/loans/" + loan).then().statusCode(404);
    }
}
