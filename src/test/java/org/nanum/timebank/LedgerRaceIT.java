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
 * to zero and the hash chain verifies.
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
