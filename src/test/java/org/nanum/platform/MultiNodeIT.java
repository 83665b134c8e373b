package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nanum.testsupport.NanumDeployment.as;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.lending.Spaces;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Eventually;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;
import org.nanum.timebank.Households;

/**
 * Two Liberty nodes on one PostgreSQL and one Keycloak, as a city runs them behind a load
 * balancer: node A (the test server) and node B (a server of its own, started here). A transfer
 * retried on the other node with its idempotency key moves minutes once, even when both nodes get
 * it at the same moment; a race for one slot split across both nodes has one winner; and the
 * scheduled jobs (overdue reminders, waiting-list offers running out) act once, not once per node.
 */
@ExtendWith(ArquillianExtension.class)
class MultiNodeIT {
    private static final Function<String, RequestSpecification> NODE_A = NanumDeployment::as;
    private static final Function<String, RequestSpecification> NODE_B = StandaloneServer::as;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** Runs the calls at the same moment (released together by a latch); their answers in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long notifications(String residentId, String kind) {
        return Database.count("select count(*) from notification where resident_id = ? and kind = ?", residentId, kind);
    }

    private static String residentId(Keycloak.Person p) {
        return (String) Database.residentBySubject(p.id()).get("id");
    }

    @Test
    void retried_transfers_move_minutes_once_a_split_race_has_one_winner_and_sweeps_run_once() throws Exception {
        Map<String, String> nodeB = Map.of("NANUM_DB_KIND", "postgresql",
                "NANUM_INDEX_DIR", Path.of("target", "multi-node-b-index").toAbsolutePath().toString(),
                "NANUM_LOANS_SWEEP_SECONDS", "1", "NANUM_HOLDS_SWEEP_SECONDS", "1");
        try (StandaloneServer b = StandaloneServer.start(nodeB)) {
            // A transfer answered by A, retried on B with the same key (the balancer switched nodes): once.
            Households.Member payer = Households.newHousehold("Two nodes payer");
            Households.Member payee = Households.newHousehold("Two nodes payee");
            String key = Households.key();
            String body = Households.to(payee.accountId(), 30);
            String first = Households.pay(payer.token(), key, body).then().statusCode(201).extract().path("id");
            String retried = NODE_B.apply(payer.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(body).post("/api/timebank/transfers").then().statusCode(200).extract().path("id");
            assertEquals(first, retried);
            // The same request reaching both nodes at the same moment: one transfer, both told about it.
            String both = Households.key();
            List<String> ids = atOnce(List.of(
                    () -> NODE_A.apply(payer.token()).contentType(ContentType.JSON).header("Idempotency-Key", both)
                            .body(Households.to(payee.accountId(), 7)).post("/api/timebank/transfers").then().extract().path("id"),
                    () -> NODE_B.apply(payer.token()).contentType(ContentType.JSON).header("Idempotency-Key", both)
                            .body(Households.to(payee.accountId(), 7)).post("/api/timebank/transfers").then().extract().path("id")));
            assertEquals(ids.get(0), ids.get(1), "both nodes answer with the one transfer");
            assertEquals(120 - 30 - 7, Households.balance(payer.token()));
            assertEquals(120 + 30 + 7, Households.balance(payee.token()));

            // Sixteen residents race for one slot, half through each node: one booking.
            String staff = Keycloak.newPerson("staff").token();
            String space = Spaces.create(staff, "Two nodes room", 60, "09:00", "12:00");
            LocalDate day = Spaces.aThursday();
            String slot = Spaces.booking(space, day, "10:00", "11:00");
            List<String> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                racers.add(Keycloak.newPerson().token());
            }
            List<Callable<Integer>> race = new ArrayList<>();
            for (int i = 0; i < racers.size(); i++) {
                Function<String, RequestSpecification> node = i % 2 == 0 ? NODE_A : NODE_B;
                String racer = racers.get(i);
                race.add(() -> Spaces.book(node.apply(racer), slot).then().extract().statusCode());
            }
            List<Integer> answers = atOnce(race);
            assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
            assertEquals(15, answers.stream().filter(s -> s == 409).count(), answers.toString());
            assertEquals(1, Database.count("select count(*) from booking where listing_id = ? and status = 'CONFIRMED'", space));

            // An overdue loan, with both nodes sweeping every second or two: one reminder.
            String owner = Keycloak.newPerson().token();
            Keycloak.Person borrower = Keycloak.newPerson();
            String drill = publishedDrill(owner);
            LocalDate today = LocalDate.now(Spaces.SEOUL);
            String loan = as(borrower.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\",\"firstDay\":\""
                    + today + "\",\"lastDay\":\"" + today + "\"}").post("/api/loans").then().statusCode(201).extract().path("id");
            as(owner).contentType(ContentType.JSON).body("{}").post("/api/loans/" + loan + "/approve").then().statusCode(200);
            as(owner).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/pickup")
                    .then().statusCode(200);
            // Two people wait for the drill.
            Keycloak.Person first1 = Keycloak.newPerson();
            Keycloak.Person second = Keycloak.newPerson();
            String firstHold = as(first1.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\"}")
                    .post("/api/holds").then().statusCode(201).extract().path("id");
            String secondHold = as(second.token()).contentType(ContentType.JSON).body("{\"itemId\":\"" + drill + "\"}")
                    .post("/api/holds").then().statusCode(201).extract().path("id");
            Database.execute("update loan set first_day = ?, last_day = ? where id = ?", today.minusDays(5), today.minusDays(2), loan);
            String borrowerId = residentId(borrower);
            Eventually.within(20, "the borrower is reminded", () -> notifications(borrowerId, "LOAN_OVERDUE") == 1);

            // The drill comes back; the first in line lets the offer run out: it passes on once.
            as(owner).contentType(ContentType.JSON).body("{\"condition\":\"GOOD\"}").post("/api/loans/" + loan + "/return")
                    .then().statusCode(200);
            Database.execute("update hold set offer_expires_at = ? where id = ?",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), firstHold);
            Eventually.within(20, "the offer passes to the second in line",
                    () -> "OFFERED".equals(Database.one("select status from hold where id = ?", secondHold).get("status")));
            Thread.sleep(5000); // several more sweeps on each node
            assertEquals(1, notifications(borrowerId, "LOAN_OVERDUE"), "reminded once, not once per node");
            assertEquals("EXPIRED", Database.one("select status from hold where id = ?", firstHold).get("status"));
            String secondId = residentId(second);
            assertEquals(1, Database.count("select count(*) from notification where resident_id = ? and kind like 'HOLD%'",
                    secondId), "the second in line is told once");
        }
    }

    private static String publishedDrill(String owner) {
        String id = as(owner).contentType(ContentType.JSON).body("{\"kind\":\"GOODS\",\"title\":\"Two nodes drill\","
                        + "\"description\":\"Cordless\",\"category\":\"goods.tools.power\",\"district\":\"mapo\","
                        + "\"details\":{\"goods\":{\"condition\":\"GOOD\",\"loanPeriodDays\":3}}}")
                .post("/api/listings").then().statusCode(201).extract().path("id");
        as(owner).contentType(ContentType.JSON).body("{\"status\":\"PUBLISHED\"}").put("/api/listings/" + id + "/status")
                .then().statusCode(200);
        return id;
    }
}
