package org.nanum.tools;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.nanum.testsupport.Keycloak;
import org.nanum.timebank.domain.HashChain;

/**
 * {@code ./nanum bench ledger}: payments over HTTP (token, validation, idempotency key, limits,
 * journal, notification) against a raw JDBC baseline doing the same debit, credit and journal
 * transaction on the same database, in the same run, with the same number of clients. After a
 * warm-up of one round's size on each path (the server's JIT is cold before), rounds alternate
 * (raw, HTTP, HTTP floor, …) and the best round of each counts, so that a noisy moment does not
 * decide the ratio. The ledger check must verify the chain and the zero sum after every round.
 */
public final class LedgerBench {
    /** Where and how much. */
    public record Settings(String baseUrl, Function<String, RequestSpecification> as, String jdbcUrl, String dbUser,
                           String dbPassword, int households, int clients, int transfers, int warmup, int rounds,
                           long seed) {
    }

    public record Run(String what, int requests, int refused, double p50Ms, double p99Ms, double perSecond) {
    }

    public record Report(List<Run> raw, List<Run> http, List<Run> floor, boolean verified, long sumOfBalances,
                         Settings settings) {
        public Run bestFloor() {
            return floor.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        }

        public Run bestRaw() {
            return raw.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        }

        public Run bestHttp() {
            return http.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        }

        public double ratio() {
            return bestHttp().perSecond() / bestRaw().perSecond();
        }

        public String markdown() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "Ledger benchmark, %s: %d households, %d clients, %d transfers per round%n%n", LocalDate.now(),
                    settings.households(), settings.clients(), settings.transfers()));
            out.append("| round | requests | refused (limits) | p50 | p99 | transfers/s |\n|---|---|---|---|---|---|\n");
            for (int i = 0; i < raw.size(); i++) {
                for (Run r : List.of(raw.get(i), http.get(i), floor.get(i))) {
                    out.append(String.format(Locale.ROOT, "| %s %d | %d | %d | %.2f ms | %.2f ms | %.0f |%n", r.what(),
                            i + 1, r.requests(), r.refused(), r.p50Ms(), r.p99Ms(), r.perSecond()));
                }
            }
            out.append(String.format(Locale.ROOT, "%nBest rounds: HTTP %.0f/s (p99 %.2f ms), raw JDBC %.0f/s (p99 %.2f ms), "
                            + "HTTP floor %.0f/s.%nThe books were checked after every round; at the end: chain %s, "
                            + "balances sum to %d.%n%n| target | measured | |%n|---|---|---|%n| HTTP throughput ≥ 50 %% of "
                            + "the raw JDBC baseline's | %.0f %% | %s |%n| the HTTP floor (a signed-in GET that reads two "
                            + "rows and writes nothing) against the raw baseline | %.0f %% | |%n",
                    bestHttp().perSecond(), bestHttp().p99Ms(), bestRaw().perSecond(), bestRaw().p99Ms(),
                    bestFloor().perSecond(), verified ? "verified" : "BROKEN", sumOfBalances, ratio() * 100,
                    ratio() >= 0.5 ? "met" : "missed", bestFloor().perSecond() / bestRaw().perSecond() * 100));
            return out.toString();
        }
    }

    private LedgerBench() {
    }

    /**
     * A bench household: its person, its account, and a token taken again before each round (a
     * run is longer than a token lives).
     */
    private static final class Household {
        private final Keycloak.Person person;
        private final String accountId;
        private volatile String token;

        Household(Keycloak.Person person, String token, String accountId) {
            this.person = person;
            this.token = token;
            this.accountId = accountId;
        }

        String token() {
            return token;
        }

        String accountId() {
            return accountId;
        }

        void refresh() {
            token = person.token();
        }
    }

    public static Report run(Settings s) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < s.households(); i++) {
            Keycloak.Person person = Keycloak.newPerson();
            String token = person.token();
            s.as().apply(token).contentType("application/json").body("{\"name\":\"Bench household " + i + "\"}")
                    .post("/api/households").then().statusCode(201);
            String account = s.as().apply(token).get("/api/timebank/accounts/mine").then().statusCode(200)
                    .extract().path("id");
            // Staff verify each household's resident: their welcome grant, and the credit line down to the floor.
            org.nanum.timebank.Households.verifyResidency(s.as(), token);
            households.add(new Household(person, token, account));
        }
        Keycloak.Person council = Keycloak.newPerson("council");
        // Warm both paths up: the server's JIT and pools, the database's caches.
        httpRound(http, s, households, s.warmup(), s.seed() - 1, "warm-up");
        requireBooks(s, council, "the HTTP warm-up");
        rawRound(s, households, s.warmup(), s.seed() - 2, "warm-up");
        requireBooks(s, council, "the raw warm-up");
        floorRound(http, s, households, s.warmup(), "warm-up");
        List<Run> raw = new ArrayList<>();
        List<Run> overHttp = new ArrayList<>();
        List<Run> floor = new ArrayList<>();
        for (int round = 0; round < s.rounds(); round++) {
            raw.add(rawRound(s, households, s.transfers(), s.seed() + 2L * round, "raw JDBC"));
            requireBooks(s, council, "raw round " + (round + 1));
            overHttp.add(httpRound(http, s, households, s.transfers(), s.seed() + 2L * round + 1, "HTTP"));
            requireBooks(s, council, "HTTP round " + (round + 1));
            floor.add(floorRound(http, s, households, s.transfers(), "HTTP floor"));
        }
        JsonObject check = check(s, council);
        return new Report(raw, overHttp, floor, check.getBoolean("verified"),
                check.getJsonNumber("sumOfBalances").longValue(), s);
    }

    private static JsonObject check(Settings s, Keycloak.Person council) {
        return Json.createReader(new StringReader(s.as().apply(council.token()).get("/api/timebank/ledger/check").then()
                .statusCode(200).extract().asString())).readObject();
    }

    /** The books must check out after every round: a benchmark that loses a minute is a failed one. */
    private static void requireBooks(Settings s, Keycloak.Person council, String after) {
        JsonObject report = check(s, council);
        if (!report.getBoolean("verified")) {
            throw new IllegalStateException("the books did not check out after " + after + ": " + report);
        }
    }

    /** One payment: between two different households, 1 to 5 minutes (the limits rarely refuse). */
    private record Pay(int from, int to, int minutes) {
        static Pay next(SplittableRandom random, int households) {
            int from = random.nextInt(households);
            int to = (from + 1 + random.nextInt(households - 1)) % households;
            return new Pay(from, to, 1 + random.nextInt(5));
        }
    }

    /** One request of a round: client number, request number, and its own random numbers. */
    private interface Request {
        /** Returns whether the limits refused it. */
        boolean send(int client, int i, SplittableRandom random) throws Exception;
    }

    /** Runs n requests from the settings' clients (request i by client i mod clients); times each. */
    private static Run round(Settings s, int n, long seed, String what, Request request) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(s.clients());
        long started = System.nanoTime();
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                int client = c;
                work.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed * 1000 + client);
                    for (int i = client; i < n; i += s.clients()) {
                        long t = System.nanoTime();
                        if (request.send(client, i, random)) {
                            refused.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get(60, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return run(what, nanos, refused.get(), (System.nanoTime() - started) / 1e9);
    }

    private static Run httpRound(HttpClient http, Settings s, List<Household> households, int n, long seed, String what)
            throws Exception {
        households.forEach(Household::refresh);
        return round(s, n, seed, what, (client, i, random) -> {
            Pay p = Pay.next(random, households.size());
            String body = "{\"to\":\"" + households.get(p.to()).accountId() + "\",\"minutes\":" + p.minutes()
                    + ",\"memo\":\"bench\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/timebank/transfers"))
                    .header("Authorization", "Bearer " + households.get(p.from()).token())
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IllegalStateException("a payment answered " + r.statusCode() + ": " + r.body());
            }
            return r.statusCode() == 409;
        });
    }

    /**
     * What the HTTP stack costs by itself: the same clients, each request a signed-in
     * {@code GET /api/timebank/accounts/system} (token checked, two account rows read in a
     * transaction, JSON written), nothing written.
     */
    private static Run floorRound(HttpClient http, Settings s, List<Household> households, int n, String what)
            throws Exception {
        households.forEach(Household::refresh);
        return round(s, n, 0, what, (client, i, random) -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/timebank/accounts/system"))
                    .header("Authorization", "Bearer " + households.get(i % households.size()).token())
                    .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the floor request answered " + r.statusCode());
            }
            return false;
        });
    }

    /**
     * The baseline: the ledger's transaction by hand, one connection per client — claim the key,
     * lock both accounts in id order, check the limits, update both balances, write the transfer,
     * its journal entry and its note, commit.
     */
    private static Run rawRound(Settings s, List<Household> households, int n, long seed, String what) throws Exception {
        Connection[] connections = new Connection[s.clients()];
        try {
            for (int c = 0; c < connections.length; c++) {
                connections[c] = DriverManager.getConnection(s.jdbcUrl(), s.dbUser(), s.dbPassword());
                connections[c].setAutoCommit(false);
            }
            return round(s, n, seed, what, (client, i, random) -> {
                Pay p = Pay.next(random, households.size());
                return !rawPay(connections[client], households.get(p.from()).accountId(),
                        households.get(p.to()).accountId(), p.minutes());
            });
        } finally {
            for (Connection c : connections) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    private static boolean rawPay(Connection db, String from, String to, int minutes) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String transfer = UUID.randomUUID().toString();
        try {
            try (PreparedStatement key = db.prepareStatement("insert into tb_idempotency (scope, idem_key, "
                    + "request_hash, transfer_id, created_at) values (?, ?, ?, ?, ?)")) {
                key.setString(1, from);
                key.setString(2, UUID.randomUUID().toString());
                key.setString(3, HashChain.GENESIS);
                key.setString(4, transfer);
                key.setObject(5, at);
                key.executeUpdate();
            }
            long fromBalance = 0;
            long fromHeld = 0;
            long toBalance = 0;
            long toIncoming = 0;
            try (PreparedStatement lock = db.prepareStatement("select id, balance, held, incoming from tb_account "
                    + "where id in (?, ?) order by id for update")) {
                lock.setString(1, from);
                lock.setString(2, to);
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).equals(from)) {
                            fromBalance = rs.getLong(2);
                            fromHeld = rs.getLong(3);
                        } else {
                            toBalance = rs.getLong(2);
                            toIncoming = rs.getLong(4);
                        }
                    }
                }
            }
            if (fromBalance - fromHeld - minutes < -600 || toBalance + toIncoming + minutes > 4800) {
                db.rollback();
                return false;
            }
            try (PreparedStatement move = db.prepareStatement("update tb_account set balance = balance + ? where id = ?")) {
                move.setLong(1, -minutes);
                move.setString(2, from);
                move.addBatch();
                move.setLong(1, minutes);
                move.setString(2, to);
                move.addBatch();
                move.executeBatch();
            }
            try (PreparedStatement t = db.prepareStatement("insert into tb_transfer (id, from_account, to_account, minutes, "
                    + "posted_minutes, kind, status, created_at, settled_at, version) values (?, ?, ?, ?, ?, 'PAYMENT', "
                    + "'POSTED', ?, ?, 1)")) {
                t.setString(1, transfer);
                t.setString(2, from);
                t.setString(3, to);
                t.setInt(4, minutes);
                t.setInt(5, minutes);
                t.setObject(6, at);
                t.setObject(7, at);
                t.executeUpdate();
            }
            try (PreparedStatement j = db.prepareStatement("insert into tb_journal (id, transfer_id, entry, from_account, "
                    + "to_account, minutes, recorded_at) values (?, ?, 'POST', ?, ?, ?, ?)")) {
                j.setString(1, UUID.randomUUID().toString());
                j.setString(2, transfer);
                j.setString(3, from);
                j.setString(4, to);
                j.setInt(5, minutes);
                j.setObject(6, at);
                j.executeUpdate();
            }
            try (PreparedStatement note = db.prepareStatement("insert into tb_transfer_note (transfer_id, memo) values (?, ?)")) {
                note.setString(1, transfer);
                note.setString(2, "bench");
                note.executeUpdate();
            }
            db.commit();
            return true;
        } catch (SQLException e) {
            db.rollback();
            throw e;
        }
    }

    private static Run run(String what, long[] nanos, int refused, double seconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Run(what, sorted.length, refused, SearchBench.percentile(sorted, 0.50),
                SearchBench.percentile(sorted, 0.99), sorted.length / seconds);
    }

    /**
     * Command line: {@code --households N --clients C --transfers T --rounds R} against the server at
     * NANUM_BENCH_URL and its PostgreSQL (NANUM_DB_HOST, NANUM_DB_PORT, NANUM_DB_NAME, NANUM_DB_USER,
     * NANUM_DB_PASSWORD). Prints the report and writes it to target/bench/ledger.md.
     */
    public static void main(String[] args) throws Exception {
        int households = 64;
        int clients = 16;
        int transfers = 20000;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--households" -> households = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--transfers" -> transfers = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String base = System.getenv().getOrDefault("NANUM_BENCH_URL", "http://127.0.0.1:9080");
        Function<String, RequestSpecification> as = token -> {
            RequestSpecification spec = io.restassured.RestAssured.given().baseUri(base);
            return token == null ? spec : spec.header("Authorization", "Bearer " + token);
        };
        String jdbc = "jdbc:postgresql://" + System.getenv("NANUM_DB_HOST") + ":" + System.getenv("NANUM_DB_PORT") + "/"
                + System.getenv("NANUM_DB_NAME");
        Report report = run(new Settings(base, as, jdbc, System.getenv("NANUM_DB_USER"), System.getenv("NANUM_DB_PASSWORD"),
                households, clients, transfers, Math.max(1000, transfers), rounds, 42));
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        String md = report.markdown();
        Files.writeString(work.resolve("ledger.md"), md);
        System.out.println(md);
        if (!report.verified() || report.sumOfBalances() != 0) {
            throw new IllegalStateException("the books did not check out after the benchmark");
        }
    }
}
