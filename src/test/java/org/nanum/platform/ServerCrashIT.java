package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nanum.testsupport.NanumDeployment.as;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.lending.Spaces;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;
import org.nanum.timebank.Households;

/**
 * Liberty killed (SIGKILL) while dozens of clients make transfers (with idempotency keys) and
 * bookings, then started again; the clients retry, with the same request and key, whatever they
 * saw no answer to. Afterwards: every key moved minutes exactly once, each balance is its start
 * plus what the keys moved, the balances of all accounts sum to zero, the journal's hash chain
 * verifies, no slot is taken twice, and every request a client saw succeed is in the database.
 */
@ExtendWith(ArquillianExtension.class)
class ServerCrashIT {
    private static final int CLIENTS = 12;
    private static final int OPERATIONS = 24;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    /** One request a client made, and the answer it finally saw (after retries across the crash). */
    record Done(String kind, String key, Households.Member from, Households.Member to, int minutes, String token,
                String slot, int status, String body, int attempts) {
    }

    private static HttpResponse<String> send(HttpClient http, String path, String token, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(StandaloneServer.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends until an answer comes back (the server may be dead or starting), for at most four minutes. */
    private static Done untilAnswered(HttpClient http, String kind, String path, String token, String key, String body,
                                      Households.Member from, Households.Member to, int minutes, String slot) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<String> answer = send(http, path, token, key, body);
                if (answer.statusCode() != 503) {
                    return new Done(kind, key, from, to, minutes, token, slot, answer.statusCode(), answer.body(), attempts);
                }
            } catch (IOException noAnswer) {
                // the server died under us or is not up yet: retry the very same request
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(kind + " never answered after " + attempts + " attempts");
            }
            Thread.sleep(250);
        }
    }

    private static String id(String body) {
        JsonObject o = Json.createReader(new StringReader(body)).readObject();
        return o.containsKey("id") ? o.getString("id") : o.getJsonArray("bookings").getJsonObject(0).getString("id");
    }

    @Test
    void killed_in_the_middle_of_a_load_nothing_is_lost_and_nothing_happens_twice() throws Exception {
        Map<String, String> env = Map.of("NANUM_DB_KIND", "postgresql",
                "NANUM_INDEX_DIR", Path.of("target", "crash-node-index").toAbsolutePath().toString());
        List<Households.Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(Households.newHousehold("Crash household " + i));
        }
        Map<String, Long> start = new HashMap<>();
        for (Households.Member m : members) {
            start.put(m.accountId(), Households.balance(m.token()));
        }
        String staff = Keycloak.newPerson("staff").token();
        String space = Spaces.create(staff, "Crash room", 60, "08:00", "20:00");
        LocalDate day = Spaces.aThursday();
        List<String> slots = new ArrayList<>();
        for (int h = 8; h < 20; h++) {
            slots.add(Spaces.booking(space, day, String.format("%02d:00", h), String.format("%02d:00", h + 1)));
        }
        List<String> bookers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            bookers.add(Keycloak.newPerson().token());
        }

        StandaloneServer server = StandaloneServer.start(env);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<Done> all = new ConcurrentLinkedQueue<>();
        int killedAfter;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    Random random = new Random(client);
                    for (int op = 0; op < OPERATIONS; op++) {
                        Done done;
                        if (op % 2 == 0) {
                            Households.Member from = members.get(random.nextInt(members.size()));
                            Households.Member to = members.get((members.indexOf(from) + 1 + random.nextInt(members.size() - 1))
                                    % members.size());
                            int minutes = 1 + random.nextInt(20);
                            String key = UUID.randomUUID().toString();
                            done = untilAnswered(http, "transfer", "/api/timebank/transfers", from.token(), key,
                                    Households.to(to.accountId(), minutes), from, to, minutes, null);
                        } else {
                            String slot = slots.get(random.nextInt(slots.size()));
                            done = untilAnswered(http, "booking", "/api/bookings", bookers.get(client), null, slot,
                                    null, null, 0, slot);
                        }
                        all.add(done);
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            // Let the load build up, then pull the plug, and start the server again at once.
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.get() < CLIENTS * 3 && System.nanoTime() < wait) {
                Thread.sleep(50);
            }
            killedAfter = answered.get();
            server.kill();
            server = StandaloneServer.start(env);
            for (Future<?> f : clients) {
                f.get(6, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            server.close();
        }
        assertEquals(CLIENTS * OPERATIONS, all.size());
        assertTrue(killedAfter < CLIENTS * OPERATIONS, "the server was killed while clients were still at work");
        assertTrue(all.stream().anyMatch(d -> d.attempts() > 1), "some requests went unanswered and were retried");

        // Transfers: each key one transfer, in the database, posted; balances as the keys say.
        Map<String, Long> expected = new HashMap<>(start);
        for (Done d : all) {
            if (!d.kind().equals("transfer")) {
                continue;
            }
            assertTrue(d.status() == 201 || d.status() == 200 || d.status() == 409, d.status() + " " + d.body());
            if (d.status() == 409) {
                assertEquals("urn:nanum:problem:timebank-limit-reached",
                        Json.createReader(new StringReader(d.body())).readObject().getString("type"), d.body());
                assertEquals(0, Database.count("select count(*) from tb_idempotency where idem_key = ?", d.key()));
                continue;
            }
            String transfer = id(d.body());
            assertEquals(1, Database.count("select count(*) from tb_idempotency where idem_key = ?", d.key()), d.key());
            assertEquals(transfer, Database.one("select transfer_id from tb_idempotency where idem_key = ?", d.key())
                    .get("transfer_id"));
            assertEquals("POSTED", Database.one("select status from tb_transfer where id = ?", transfer).get("status"));
            expected.merge(d.from().accountId(), (long) -d.minutes(), Long::sum);
            expected.merge(d.to().accountId(), (long) d.minutes(), Long::sum);
        }
        for (Households.Member m : members) {
            assertEquals(expected.get(m.accountId()), ((Number) Database.one("select balance from tb_account where id = ?",
                    m.accountId()).get("balance")).longValue(), "balance of " + m.accountId());
        }
        assertEquals(0, ((Number) Database.one("select coalesce(sum(balance), 0) as total from tb_account").get("total"))
                .longValue(), "the books balance");
        as(Keycloak.newPerson("admin").token()).get("/api/timebank/ledger/check").then().statusCode(200)
                .body("verified", org.hamcrest.Matchers.equalTo(true));

        // Bookings: no slot twice, every booking a client saw made is there.
        assertEquals(0, Database.count("select count(*) from (select starts_at from booking where listing_id = ? and "
                + "status = 'CONFIRMED' group by starts_at having count(*) > 1) twice", space));
        Set<String> seen = new HashSet<>();
        for (Done d : all) {
            if (d.kind().equals("booking")) {
                assertTrue(d.status() == 201 || d.status() == 409, d.status() + " " + d.body());
                if (d.status() == 201) {
                    String booking = id(d.body());
                    assertTrue(seen.add(booking));
                    assertEquals("CONFIRMED", Database.one("select status from booking where id = ?", booking).get("status"));
                }
            }
        }
        assertTrue(Database.count("select count(*) from booking where listing_id = ? and status = 'CONFIRMED'", space)
                >= seen.size());
    }
}
