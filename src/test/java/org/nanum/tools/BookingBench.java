package org.nanum.tools;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import io.restassured.specification.RequestSpecification;
import org.nanum.lending.Spaces;
import org.nanum.testsupport.Keycloak;

/**
 * {@code ./nanum bench booking}: booking spaces under contention, over HTTP, on the running server.
 *
 * <ol>
 * <li>Baseline: one booking at a time, nobody else asking (p50, p99).</li>
 * <li>Race: {@code racers} requests at once for one slot, {@code rounds} times (each on a slot of
 * its own): exactly one winner each time, or the benchmark fails; p99 of all racing requests,
 * as a ratio to the baseline's p50 (target ≤ 10×).</li>
 * <li>Mixed load: {@code clients} threads book random slots over {@code spaces} spaces for the
 * coming weeks and cancel what they got (as residents do), throughput and p99.</li>
 * </ol>
 */
public final class BookingBench {
    /** Where and how much. {@code as} makes a request to the server with a token. */
    public record Settings(String baseUrl, Function<String, RequestSpecification> as, int spaces, int residents,
                           int baseline, int racers, int rounds, int clients, int mixedRequests, long seed) {
    }

    public record Latency(String what, int requests, double p50Ms, double p99Ms, double perSecond) {
    }

    public record Report(Latency uncontended, Latency burst, Latency race, int raceWinners, int raceRefusals, Latency mixed,
                         int mixedBooked, int mixedTaken, int mixedCancelled, Settings settings) {
        public double raceP99OverBaseline() {
            return race.p99Ms() / uncontended.p50Ms();
        }

        /** What contention itself costs: the race against a burst of as many requests for different slots. */
        public double raceP99OverBurst() {
            return race.p99Ms() / burst.p99Ms();
        }

        public String markdown() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Booking benchmark, %s: %d spaces, %d residents%n%n",
                    LocalDate.now(), settings.spaces(), settings.residents()));
            out.append("| what | requests | p50 | p99 | per second |\n|---|---|---|---|---|\n");
            for (Latency l : List.of(uncontended, burst, race, mixed)) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.0f |%n", l.what(), l.requests(),
                        l.p50Ms(), l.p99Ms(), l.perSecond()));
            }
            out.append(String.format(Locale.ROOT, "%nRace: %d rounds of %d requests for one slot: %d winners (one per "
                            + "round), %d refused with 409 slot-taken.%nMixed: %d booked, %d refused as taken, %d "
                            + "cancelled.%n%n| target | measured | |%n|---|---|---|%n| race p99 ≤ 10 × one uncontended "
                            + "booking (p50) | %.1f × | %s |%n| race p99 against a burst of as many requests for "
                            + "different slots (p99): what contention adds | %.2f × | |%n", settings.rounds(),
                    settings.racers(), raceWinners, raceRefusals, mixedBooked, mixedTaken, mixedCancelled,
                    raceP99OverBaseline(), raceP99OverBaseline() <= 10 ? "met" : "missed", raceP99OverBurst()));
            return out.toString();
        }
    }

    private BookingBench() {
    }

    public static Report run(Settings s) throws Exception {
        String staff = Keycloak.newPerson("staff").token();
        List<String> spaces = new ArrayList<>();
        for (int i = 0; i < s.spaces(); i++) {
            spaces.add(Spaces.create(s.as(), staff, "Bench room " + i, 60, "08:00", "22:00"));
        }
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < s.residents(); i++) {
            residents.add(Keycloak.newPerson().token());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        LocalDate first = Spaces.aThursday();

        // 1. One at a time: slot k of the days after `first`, on space 0; booked then cancelled.
        long[] alone = new long[s.baseline()];
        for (int i = -20; i < s.baseline(); i++) {
            int k = i + 20;
            LocalDate day = first.plusDays(k / 14);
            String from = String.format("%02d:00", 8 + k % 14);
            String to = String.format("%02d:00", 9 + k % 14);
            String token = residents.get(k % residents.size());
            long t = System.nanoTime();
            HttpResponse<String> r = post(http, s.baseUrl() + "/api/bookings", token, Spaces.booking(spaces.get(0), day, from, to));
            long took = System.nanoTime() - t;
            require(r, 201);
            if (i >= 0) {
                alone[i] = took;
            }
            require(post(http, s.baseUrl() + "/api/bookings/" + id(r) + "/cancel", token, "{}"), 200);
        }
        Latency uncontended = latency("one booking, uncontended", alone, -1);

        // 2. A burst without contention: as many requests at once as the race, each for a slot of its
        // own (spread over the spaces and the days before the race's), then cancelled unhurried.
        ExecutorService pool = Executors.newFixedThreadPool(s.racers());
        long[] burstNanos = new long[s.racers()];
        List<String[]> burstBooked = new ArrayList<>();
        CountDownLatch burstGo = new CountDownLatch(1);
        List<Future<String[]>> burstAnswers = new ArrayList<>();
        for (int i = 0; i < s.racers(); i++) {
            int k = i;
            String token = residents.get(i % residents.size());
            String body = Spaces.booking(spaces.get((k / 14) % spaces.size()), first.plusDays(17 + k / (14 * spaces.size())),
                    String.format("%02d:00", 8 + k % 14), String.format("%02d:00", 9 + k % 14));
            burstAnswers.add(pool.submit(() -> {
                burstGo.await();
                long t = System.nanoTime();
                HttpResponse<String> r = post(http, s.baseUrl() + "/api/bookings", token, body);
                burstNanos[k] = System.nanoTime() - t;
                require(r, 201);
                return new String[] {token, id(r)};
            }));
        }
        long burstStarted = System.nanoTime();
        burstGo.countDown();
        for (Future<String[]> f : burstAnswers) {
            burstBooked.add(f.get(120, TimeUnit.SECONDS));
        }
        Latency burst = latency(s.racers() + " at once, each for a different slot", burstNanos,
                s.racers() / ((System.nanoTime() - burstStarted) / 1e9));
        for (String[] b : burstBooked) {
            require(post(http, s.baseUrl() + "/api/bookings/" + b[1] + "/cancel", b[0], "{}"), 200);
        }

        // 3. The race.
        List<Long> raced = new ArrayList<>();
        int winners = 0;
        int refused = 0;
        long raceStarted = System.nanoTime();
        try {
            for (int round = 0; round < s.rounds(); round++) {
                String body = Spaces.booking(spaces.get(1 % spaces.size()), first.plusDays(round / 14 + 20),
                        String.format("%02d:00", 8 + round % 14), String.format("%02d:00", 9 + round % 14));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<long[]>> answers = new ArrayList<>();
                for (int i = 0; i < s.racers(); i++) {
                    String token = residents.get(i % residents.size());
                    answers.add(pool.submit(() -> {
                        go.await();
                        long t = System.nanoTime();
                        HttpResponse<String> r = post(http, s.baseUrl() + "/api/bookings", token, body);
                        long took = System.nanoTime() - t;
                        if (r.statusCode() != 201 && !(r.statusCode() == 409 && r.body().contains("slot-taken"))) {
                            throw new IllegalStateException("race answer " + r.statusCode() + ": " + r.body());
                        }
                        return new long[] {took, r.statusCode()};
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<long[]> f : answers) {
                    long[] a = f.get(120, TimeUnit.SECONDS);
                    raced.add(a[0]);
                    won += a[1] == 201 ? 1 : 0;
                    refused += a[1] == 409 ? 1 : 0;
                }
                if (won != 1) {
                    throw new IllegalStateException("round " + round + ": " + won + " winners for one slot");
                }
                winners += won;
            }
        } finally {
            pool.shutdownNow();
        }
        double raceSeconds = (System.nanoTime() - raceStarted) / 1e9;
        Latency race = latency(s.racers() + " at once for one slot", raced.stream().mapToLong(Long::longValue).toArray(),
                raced.size() / raceSeconds);

        // 4. Mixed: random slots over all spaces for four weeks after the race days; book, then cancel.
        ExecutorService clients = Executors.newFixedThreadPool(s.clients());
        long[] mixed = new long[s.mixedRequests()];
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        long mixedStarted = System.nanoTime();
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    SplittableRandom random = new SplittableRandom(s.seed() + client);
                    for (int i = client; i < mixed.length; i += s.clients()) {
                        String token = residents.get(random.nextInt(residents.size()));
                        int hour = 8 + random.nextInt(13);
                        int length = 1 + random.nextInt(Math.min(2, 22 - hour));
                        String body = Spaces.booking(spaces.get(random.nextInt(spaces.size())),
                                first.plusDays(30 + random.nextInt(28)), String.format("%02d:00", hour),
                                String.format("%02d:00", hour + length));
                        long t = System.nanoTime();
                        HttpResponse<String> r = post(http, s.baseUrl() + "/api/bookings", token, body);
                        mixed[i] = System.nanoTime() - t;
                        if (r.statusCode() == 201) {
                            booked.incrementAndGet();
                            require(post(http, s.baseUrl() + "/api/bookings/" + id(r) + "/cancel", token, "{}"), 200);
                            cancelled.incrementAndGet();
                        } else if (r.statusCode() == 409) {
                            taken.incrementAndGet();
                        } else {
                            throw new IllegalStateException("mixed answer " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        double mixedSeconds = (System.nanoTime() - mixedStarted) / 1e9;
        Latency mixedLatency = latency("mixed: book (then cancel) over " + s.spaces() + " spaces, " + s.clients()
                + " clients", mixed, mixed.length / mixedSeconds);
        return new Report(uncontended, burst, race, winners, refused, mixedLatency, booked.get(), taken.get(), cancelled.get(), s);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String id(HttpResponse<String> booked) {
        JsonObject o = Json.createReader(new StringReader(booked.body())).readObject();
        return o.getJsonArray("bookings").getJsonObject(0).getString("id");
    }

    private static Latency latency(String what, long[] nanos, double perSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum() / 1e9;
        return new Latency(what, sorted.length, SearchBench.percentile(sorted, 0.50), SearchBench.percentile(sorted, 0.99),
                perSecond >= 0 ? perSecond : sorted.length / total);
    }

    /**
     * Command line: {@code --spaces N --residents R --racers C --rounds K --clients M --requests Q}
     * against the server at NANUM_BENCH_URL, creating its people in the Keycloak at
     * NANUM_TEST_KEYCLOAK_URL (admin password NANUM_TEST_KEYCLOAK_ADMIN_PASSWORD). Prints the report
     * and writes it to target/bench/booking.md.
     */
    public static void main(String[] args) throws Exception {
        int spaces = 50;
        int residents = 60;
        int racers = 200;
        int rounds = 5;
        int clients = 8;
        int requests = 2000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--spaces" -> spaces = Integer.parseInt(args[i + 1]);
                case "--residents" -> residents = Integer.parseInt(args[i + 1]);
                case "--racers" -> racers = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String base = System.getenv().getOrDefault("NANUM_BENCH_URL", "http://127.0.0.1:9080");
        Function<String, RequestSpecification> as = token -> {
            RequestSpecification spec = io.restassured.RestAssured.given().baseUri(base);
            return token == null ? spec : spec.header("Authorization", "Bearer " + token);
        };
        Report report = run(new Settings(base, as, spaces, residents, 200, racers, rounds, clients, requests, 42));
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        String md = report.markdown();
        Files.writeString(work.resolve("booking.md"), md);
        System.out.println(md);
    }
}
