package org.nanum.timebank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;
import org.nanum.timebank.Households.Member;

/**
 * The books balance under concurrency, on both databases: dozens of clients fire transfers among
 * a handful of accounts near their limits, some sending the same request twice at once with one
 * idempotency key. Afterwards no limit is broken, every key moved minutes at most once, each
 * account's balance is exactly its start plus what the answered transfers moved, the balances sum
 * to zero and the hash chain verifies. And households come and go while minutes move (decision
 * 0008): people leave, start and erase households while others pay them and book their services;
 * afterwards the money supply explains every minute and no dissolved household holds one.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerRaceIT {
    private static final int FLOOR = -600;
    private static final int CEILING = 4800;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void on_postgresql_the_books_balance_and_no_key_moves_minutes_twice() throws Exception {
        List<Member> accounts = race(NanumDeployment.baseUrl(), NanumDeployment::as, 24, 8);
        for (Member m : accounts) {
            long balance = ((Number) Database.one("select balance from tb_account where id = ?", m.accountId())
                    .get("balance")).longValue();
            assertTrue(balance >= FLOOR && balance <= CEILING, m.accountId() + " at " + balance);
        }
        assertEquals(0, Database.count("select coalesce(sum(balance), 0) from tb_account"));
    }

    @Test
    void on_the_embedded_database_too_and_a_key_still_holds_after_a_restart() throws Exception {
        Path h2 = Path.of("target", "ledger-race-h2").toAbsolutePath();
        if (Files.exists(h2)) {
            try (Stream<Path> paths = Files.walk(h2)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Map<String, String> env = Map.of("NANUM_DB_KIND", "h2", "NANUM_H2_DIR", h2.toString(),
                "NANUM_DEMO_ENABLED", "false", "NANUM_INDEX_DIR", h2.resolve("index").toString());
        String key = UUID.randomUUID().toString();
        Member payer;
        Member payee;
        String first;
        try (StandaloneServer server = StandaloneServer.start(env)) {
            List<Member> members = race(StandaloneServer.baseUrl(), StandaloneServer::as, 16, 6);
            payer = Households.newHousehold(StandaloneServer::as, "Restart payer");
            payee = members.get(0);
            first = Households.pay(StandaloneServer::as, payer.token(), key, Households.to(payee.accountId(), 33)).then()
                    .statusCode(201).extract().path("id");
        }
        try (StandaloneServer again = StandaloneServer.start(env)) {
            Households.pay(StandaloneServer::as, payer.token(), key, Households.to(payee.accountId(), 33)).then()
                    .statusCode(200).body("id", org.hamcrest.Matchers.equalTo(first));
            assertEquals(120 - 33, Households.account(StandaloneServer::as, payer.token()).getLong("balance"));
            StandaloneServer.as(Keycloak.newPerson("council").token()).get("/api/timebank/ledger/check").then()
                    .statusCode(200).body("verified", org.hamcrest.Matchers.equalTo(true));
        }
    }

    /**
     * Churners give their minutes away, leave their household, start another, and finally erase their
     * account, over and over, while payers pay whatever account each churner has now and book the
     * service one churner offers (minutes held), and that churner calls sessions off and withdraws
     * the service to be able to leave. Every answer is one the rules allow (never a 5xx); afterwards
     * the books verify, the money supply has no gap, and no closed account holds a minute.
     */
    @Test
    void households_come_and_go_while_minutes_move_and_every_minute_is_explained() throws Exception {
        List<Member> payers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payers.add(Households.newHousehold("Payer " + i));
        }
        int churners = 4;
        List<Keycloak.Person> people = new ArrayList<>();
        Map<Integer, String> accountOf = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < churners; i++) {
            Member m = Households.newHousehold("Churner " + i);
            people.add(m.person());
            accountOf.put(i, m.accountId());
        }
        String provider = people.get(0).token();
        String service = NanumDeployment.as(provider).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"kind\":\"SERVICE\",\"direction\":\"OFFER\",\"title\":\"Race lessons\",\"description\":\"Help\","
                        + "\"category\":\"service.education.computers\",\"district\":\"mapo\",\"details\":{\"service\":"
                        + "{\"minutes\":60}}}").post("/api/listings").then().statusCode(201).extract().path("id");
        NanumDeployment.as(provider).contentType(io.restassured.http.ContentType.JSON).body("{\"status\":\"PUBLISHED\"}")
                .put("/api/listings/" + service + "/status").then().statusCode(200);
        java.util.Set<Integer> allowed = java.util.Set.of(200, 201, 204, 400, 404, 409);
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger paidIn = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger closedRefusals = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BiConsumer<String, io.restassured.response.Response> seen = (what, r) -> {
            if (!allowed.contains(r.statusCode())) {
                unexpected.add(what + " " + r.statusCode() + " " + r.asString());
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(churners + payers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int p = 0; p < payers.size(); p++) {
                Member payer = payers.get(p);
                int index = p;
                Random random = new Random(100 + p);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int shot = 0; shot < 20; shot++) {
                        String to = accountOf.get(random.nextInt(churners));
                        io.restassured.response.Response r = Households.pay(payer.token(), Households.key(), Households.to(to, 5));
                        seen.accept("pay", r);
                        if (r.statusCode() == 201) {
                            paidIn.incrementAndGet();
                        } else if (r.asString().contains("account-closed")) {
                            closedRefusals.incrementAndGet();
                        }
                        if (shot % 5 == 0) {
                            java.time.Instant from = java.time.Instant.now().plus(Duration.ofDays(3 + shot))
                                    .truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600L * index);
                            seen.accept("book", NanumDeployment.as(payer.token()).contentType(io.restassured.http.ContentType.JSON)
                                    .body("{\"listingId\":\"" + service + "\",\"startsAt\":\"" + from + "\",\"endsAt\":\""
                                            + from.plusSeconds(1800) + "\"}").post("/api/timebank/sessions"));
                        }
                    }
                    return null;
                }));
            }
            for (int c = 0; c < churners; c++) {
                int me = c;
                Keycloak.Person person = people.get(c);
                done.add(pool.submit(() -> {
                    go.await();
                    String token = person.token();
                    for (int round = 0; round < 3; round++) {
                        for (int attempt = 0; attempt < 6; attempt++) {
                            if (me == 0) {
                                settleProvider(token, service, seen);
                            }
                            JsonObject account = Json.createReader(new StringReader(NanumDeployment.as(token)
                                    .get("/api/timebank/accounts/mine").then().statusCode(200).extract().asString())).readObject();
                            long balance = account.getJsonNumber("balance").longValue();
                            if (balance > 0) {
                                seen.accept("give", Households.pay(token, Households.key(),
                                        Households.to(payers.get(me % payers.size()).accountId(), (int) balance)));
                            } else if (balance < 0) {
                                seen.accept("back", Households.pay(payers.get(me % payers.size()).token(), Households.key(),
                                        Households.to(account.getString("id"), (int) -balance)));
                            }
                            io.restassured.response.Response leave = NanumDeployment.as(token).post("/api/households/mine/leave");
                            seen.accept("leave", leave);
                            if (leave.statusCode() == 204) {
                                left.incrementAndGet();
                                break;
                            }
                        }
                        if (round < 2) {
                            io.restassured.response.Response started = NanumDeployment.as(token)
                                    .contentType(io.restassured.http.ContentType.JSON).body("{\"name\":\"Churner " + me + "/" + round + "\"}")
                                    .post("/api/households");
                            seen.accept("start", started);
                            accountOf.put(me, NanumDeployment.as(token).get("/api/timebank/accounts/mine").then().statusCode(200)
                                    .extract().path("id"));
                        }
                    }
                    if (me % 2 == 1) {
                        seen.accept("erase", NanumDeployment.as(token).contentType(io.restassured.http.ContentType.JSON)
                                .body("{\"confirm\":\"ERASE\"}").post("/api/me/erasure"));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(600, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), unexpected, "every answer is one the rules allow");
        assertTrue(paidIn.get() > 0 && left.get() > 0, "minutes moved (" + paidIn + ") and households dissolved (" + left + ")");
        assertEquals(0, Database.count("select count(*) from tb_account where closed_at is not null and (balance <> 0 "
                + "or held <> 0 or incoming <> 0)"), "no dissolved household holds a minute");
        JsonObject report = Json.createReader(new StringReader(NanumDeployment.as(Keycloak.newPerson("council").token())
                .get("/api/timebank/ledger/check").then().statusCode(200).extract().asString())).readObject();
        assertTrue(report.getBoolean("verified"), report.toString());
        assertEquals(0, report.getJsonNumber("sumOfBalances").longValue());
        assertEquals(0, report.getJsonObject("moneySupply").getJsonArray("gaps").size(), report.toString());
    }

    /** The service's provider calls off what was booked and withdraws the service, so that they may leave. */
    private static void settleProvider(String token, String service,
                                       java.util.function.BiConsumer<String, io.restassured.response.Response> seen) {
        seen.accept("withdraw", NanumDeployment.as(token).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"status\":\"WITHDRAWN\"}").put("/api/listings/" + service + "/status"));
        io.restassured.response.Response mine = NanumDeployment.as(token).get("/api/timebank/sessions/mine");
        if (mine.statusCode() != 200) {
            return;
        }
        List<Map<String, Object>> sessions = mine.jsonPath().getList("$");
        for (Map<String, Object> s : sessions) {
            if ("SCHEDULED".equals(s.get("status")) || "PROPOSED".equals(s.get("status"))) {
                seen.accept("call off", NanumDeployment.as(token).contentType(io.restassured.http.ContentType.JSON).body("{}")
                        .post("/api/timebank/sessions/" + s.get("id") + "/cancel"));
            }
        }
    }

    /** One request of the race and what came of it. */
    private record Shot(Member from, Member to, int minutes, String key, HttpResponse<String> answer) {
    }

    /** Runs the race on the server at baseUrl; returns the households that raced. */
    private static List<Member> race(String baseUrl, Function<String, RequestSpecification> as, int clients, int shots)
            throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(Households.newHousehold(as, "Race household " + i));
        }
        // Near their limits: the first is 480 below zero (120 left to pay), the second 720 up.
        Households.pay(as, members.get(0).token(), Households.key(), Households.to(members.get(1).accountId(), 600))
                .then().statusCode(201);
        Map<String, Long> start = new HashMap<>();
        for (Member m : members) {
            start.put(m.accountId(), Households.account(as, m.token()).getLong("balance"));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Shot>>> clientsDone = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Random random = new Random(c);
                clientsDone.add(pool.submit(() -> {
                    go.await();
                    List<Shot> done = new ArrayList<>();
                    for (int s = 0; s < shots; s++) {
                        Member from = members.get(random.nextInt(members.size()));
                        Member to = members.get(random.nextInt(members.size()));
                        if (from == to) {
                            to = members.get((members.indexOf(from) + 1) % members.size());
                        }
                        int minutes = 30 + random.nextInt(150);
                        String key = UUID.randomUUID().toString();
                        // Every third shot is sent twice with the same key, as a client retrying at once would.
                        int times = s % 3 == 0 ? 2 : 1;
                        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                        for (int t = 0; t < times; t++) {
                            Member payer = from;
                            Member payee = to;
                            sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> send(http, baseUrl, payer,
                                    key, Households.to(payee.accountId(), minutes))));
                        }
                        for (Future<HttpResponse<String>> f : sent) {
                            done.add(new Shot(from, to, minutes, key, f.get(120, TimeUnit.SECONDS)));
                        }
                    }
                    return done;
                }));
            }
            go.countDown();
            List<Shot> all = new ArrayList<>();
            for (Future<List<Shot>> f : clientsDone) {
                all.addAll(f.get(600, TimeUnit.SECONDS));
            }
            check(as, members, start, all);
        } finally {
            pool.shutdownNow();
        }
        return members;
    }

    private static HttpResponse<String> send(HttpClient http, String baseUrl, Member from, String key, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/timebank/transfers"))
                    .header("Authorization", "Bearer " + from.token()).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Function<String, RequestSpecification> as, List<Member> members, Map<String, Long> start,
                              List<Shot> shots) {
        Map<String, String> transferOfKey = new HashMap<>();
        Map<String, Long> expected = new HashMap<>(start);
        int moved = 0;
        int refused = 0;
        for (Shot s : shots) {
            int status = s.answer().statusCode();
            if (status == 409) {
                JsonObject problem = Json.createReader(new StringReader(s.answer().body())).readObject();
                assertEquals("urn:nanum:problem:timebank-limit-reached", problem.getString("type"), s.answer().body());
                refused++;
                continue;
            }
            assertTrue(status == 201 || status == 200, status + " " + s.answer().body());
            String id = Json.createReader(new StringReader(s.answer().body())).readObject().getString("id");
            String earlier = transferOfKey.putIfAbsent(s.key(), id);
            if (earlier != null) {
                assertEquals(earlier, id, "one key, one transfer");
                continue;
            }
            moved++;
            expected.merge(s.from().accountId(), (long) -s.minutes(), Long::sum);
            expected.merge(s.to().accountId(), (long) s.minutes(), Long::sum);
        }
        assertTrue(moved > 0 && refused > 0, "the race both moved minutes (" + moved + ") and met limits (" + refused + ")");
        for (Member m : members) {
            long balance = Households.account(as, m.token()).getLong("balance");
            assertEquals(expected.get(m.accountId()).longValue(), balance,
                    "the balance is its start plus what the answered transfers moved, no more, no less");
            assertTrue(balance >= FLOOR && balance <= CEILING, "within the limits: " + balance);
        }
        // Each transfer a key made is listed once in the payers' histories.
        long listed = members.stream().flatMap(m -> as.apply(m.token()).get("/api/timebank/accounts/mine/transfers")
                .then().statusCode(200).extract().jsonPath().<String>getList("findAll { it.kind == 'PAYMENT' }.id")
                .stream()).filter(transferOfKey::containsValue).distinct().count();
        assertEquals(transferOfKey.size(), listed);
        JsonObject report = Json.createReader(new StringReader(as.apply(Keycloak.newPerson("council").token())
                .get("/api/timebank/ledger/check").then().statusCode(200).extract().asString())).readObject();
        assertTrue(report.getBoolean("verified"), report.toString());
        assertEquals(0, report.getJsonNumber("sumOfBalances").longValue());
        assertNotNull(report.get("sealed"));
    }
}
