package org.nanum.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.search.IndexedListing;
import org.nanum.catalogue.search.RawLuceneBaseline;

/**
 * {@code ./nanum bench search}: the catalogue's search against its two baselines, on the same data
 * and the same queries, in one run.
 *
 * <ol>
 * <li>Rebuild: the running server's index is rebuilt from the database (the admin's
 * {@code POST /api/admin/catalogue/reindex}); its own timing is compared with plain Lucene indexing
 * the same documents in this process ({@link RawLuceneBaseline}).</li>
 * <li>Search: two-word queries with a category filter, as residents type them ("cordless drill" in
 * tools), from {@code clients} threads at once: over HTTP to the server (an anonymous resident's
 * search, the whole answer: hits, total, facet counts), to the raw Lucene index, and to PostgreSQL
 * full-text search (tsvector + GIN, ranked with ts_rank, total counted).</li>
 * </ol>
 *
 * Targets are ratios, since the machine is small and noisy: HTTP p99 within 3× of raw Lucene p99,
 * at least 20× faster than PostgreSQL at p99, rebuild within 2.5× of raw indexing.
 */
public final class SearchBench {
    /** Where to run and how much. */
    public record Settings(String baseUrl, String jdbcUrl, String dbUser, String dbPassword, String adminToken,
                           int queries, int warmup, int warmupSeconds, int clients, long seed, Path workDir) {
    }

    /** One query: the words typed and the category chosen. */
    public record BenchQuery(String text, String category) {
    }

    /** Latencies of one system over the measured queries; totals are the result counts each answer gave. */
    public record Latency(String system, int requests, double p50Ms, double p99Ms, double maxMs, double perSecond,
                          long[] totals) {
        int answersWithResults() {
            return (int) Arrays.stream(totals).filter(t -> t > 0).count();
        }
    }

    public record Report(int listings, int indexedByServer, long rebuildMillis, long rawLoadMillis,
                         long rawIndexMillis, long postgresIndexMillis, List<BenchQuery> queries, int clients,
                         Latency http, Latency lucene, Latency postgres) {
        double httpOverLucene() {
            return http.p99Ms() / lucene.p99Ms();
        }

        double postgresOverHttp() {
            return postgres.p99Ms() / http.p99Ms();
        }

        double rebuildOverRaw() {
            return (double) rebuildMillis / rawIndexMillis;
        }

        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Search benchmark: %,d published listings, %d measured queries per "
                    + "system after a warm-up, %d concurrent clients, %s%n%n", listings, http.requests(), clients,
                    LocalDate.now()));
            out.append("| system | p50 | p99 | max | queries/s | answers with results |\n|---|---|---|---|---|---|\n");
            for (Latency l : List.of(http, lucene, postgres)) {
                out.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.1f ms | %.0f | %d of %d |%n",
                        l.system(), l.p50Ms(), l.p99Ms(), l.maxMs(), l.perSecond(), l.answersWithResults(), l.requests()));
            }
            out.append(String.format(Locale.ROOT, "%n| indexing | time | rate |%n|---|---|---|%n"
                            + "| server rebuild (database → index, %,d listings) | %.1f s | %,.0f listings/s |%n"
                            + "| raw Lucene, same documents, one thread (reading them from PostgreSQL first took %.1f s) "
                            + "| %.1f s | %,.0f listings/s |%n| PostgreSQL tsvector table + GIN index | %.1f s | |%n",
                    indexedByServer, rebuildMillis / 1000.0, indexedByServer * 1000.0 / Math.max(1, rebuildMillis),
                    rawLoadMillis / 1000.0, rawIndexMillis / 1000.0, listings * 1000.0 / Math.max(1, rawIndexMillis),
                    postgresIndexMillis / 1000.0));
            out.append(String.format(Locale.ROOT, "%n| target | measured | |%n|---|---|---|%n"
                            + "| HTTP p99 ≤ 3 × raw Lucene p99 | %.1f × | %s |%n"
                            + "| PostgreSQL FTS p99 ≥ 20 × HTTP p99 | %.1f × | %s |%n"
                            + "| rebuild ≤ 2.5 × raw Lucene indexing | %.2f × | %s |%n",
                    httpOverLucene(), httpOverLucene() <= 3 ? "met" : "missed",
                    postgresOverHttp(), postgresOverHttp() >= 20 ? "met" : "missed",
                    rebuildOverRaw(), rebuildOverRaw() <= 2.5 ? "met" : "missed"));
            return out.toString();
        }
    }

    private SearchBench() {
    }

    /**
     * Queries as residents type them: an adjective and a thing in one of the three languages, in
     * the thing's category or its parent. Childcare is left out: anonymous search does not show it.
     */
    public static List<BenchQuery> queries(int n, long seed) {
        List<GenerateCity.Thing> things = GenerateCity.THINGS.stream().filter(t -> !t.category().startsWith("childcare"))
                .toList();
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchQuery> out = new ArrayList<>(n);
        while (out.size() < n) {
            GenerateCity.Thing thing = things.get(random.nextInt(things.size()));
            int lang = random.nextInt(20);
            int column = lang < 5 ? 1 : lang < 8 ? 2 : 0;
            String adjective = GenerateCity.ADJECTIVES[random.nextInt(GenerateCity.ADJECTIVES.length)][column];
            String name = column == 1 ? thing.ko() : column == 2 ? thing.fr() : thing.en();
            if (adjective.contains(" ")) {
                continue; // one word each: "two-term queries"
            }
            String word = name.split(" ")[0];
            List<String> path = Category.pathOf(thing.category());
            String category = path.size() > 1 && random.nextBoolean() ? path.get(path.size() - 2) : thing.category();
            out.add(new BenchQuery(column == 2 ? word + " " + adjective : adjective + " " + word, category));
        }
        return out;
    }

    public static Report run(Settings s) throws Exception {
        List<BenchQuery> queries = queries(s.queries() + s.warmup(), s.seed());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        System.out.println("Rebuilding the server's index from the database ...");
        HttpResponse<String> rebuilt = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl()
                        + "/api/admin/catalogue/reindex")).header("Authorization", "Bearer " + s.adminToken())
                .timeout(Duration.ofHours(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (rebuilt.statusCode() != 200) {
            throw new IllegalStateException("reindex answered " + rebuilt.statusCode() + ": " + rebuilt.body());
        }
        JsonObject r = Json.createReader(new StringReader(rebuilt.body())).readObject();
        int indexedByServer = r.getInt("listings");
        long rebuildMillis = r.getJsonNumber("millis").longValue();

        System.out.println("Raw Lucene: reading the same listings from PostgreSQL, then indexing them ...");
        long t0 = System.nanoTime();
        List<IndexedListing> docs = RawLuceneBaseline.load(s.jdbcUrl(), s.dbUser(), s.dbPassword(), ZoneId.of("Asia/Seoul"));
        long rawLoadMillis = millisSince(t0);
        Path rawDir = s.workDir().resolve("raw-lucene-index");
        deleteTree(rawDir);
        Files.createDirectories(rawDir);
        t0 = System.nanoTime();
        RawLuceneBaseline lucene = RawLuceneBaseline.index(rawDir, docs);
        long rawIndexMillis = millisSince(t0);
        int listings = docs.size();
        docs = null; // let the documents go before measuring searches

        System.out.println("PostgreSQL: building the tsvector table and its GIN index ...");
        try (PostgresFtsBaseline postgres = new PostgresFtsBaseline(s.jdbcUrl(), s.dbUser(), s.dbPassword(), s.clients())) {
            long postgresIndexMillis = postgres.build();
            try (lucene) {
                System.out.println("Searching: HTTP ...");
                Latency overHttp = measure("Nanum over HTTP", queries, s, (q, client) -> httpSearch(http, s.baseUrl(), q));
                System.out.println("Searching: raw Lucene ...");
                Latency raw = measure("raw Lucene in-process", queries, s, (q, client) -> lucene.search(q.text(), q.category(), 20).total());
                System.out.println("Searching: PostgreSQL full-text search ...");
                Latency pg = measure("PostgreSQL FTS (tsvector + GIN)", queries, s, postgres::search);
                return new Report(listings, indexedByServer, rebuildMillis, rawLoadMillis, rawIndexMillis,
                        postgresIndexMillis, queries.subList(s.warmup(), queries.size()), s.clients(), overHttp, raw, pg);
            }
        } finally {
            deleteTree(rawDir);
        }
    }

    private static long httpSearch(HttpClient http, String baseUrl, BenchQuery q) throws IOException, InterruptedException {
        String uri = baseUrl + "/api/listings?size=20&q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)
                + "&category=" + URLEncoder.encode(q.category(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject().getJsonNumber("total").longValue();
    }

    /** Runs one query for one client thread; returns the number of results the answer reports. */
    @FunctionalInterface
    interface Search {
        long run(BenchQuery q, int client) throws Exception;
    }

    /**
     * The warm-up queries first (all clients, repeated for the warm-up time, not measured), then the measured ones: client
     * {@code c} of {@code n} takes queries c, c+n, c+2n … so every system sees the same queries.
     */
    static Latency measure(String system, List<BenchQuery> queries, Settings s, Search search) throws Exception {
        int clients = s.clients();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            // The JIT needs thousands of calls before code runs at full speed: the warm-up queries
            // go round for at least warmupSeconds (at most 100 rounds).
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.warmupSeconds());
            for (int round = 0; round < 100 && (round == 0 || System.nanoTime() < warmUntil); round++) {
                runAll(pool, queries.subList(0, s.warmup()), clients, search, null, null);
            }
            List<BenchQuery> measured = queries.subList(s.warmup(), queries.size());
            long[] nanos = new long[measured.size()];
            long[] totals = new long[measured.size()];
            long started = System.nanoTime();
            runAll(pool, measured, clients, search, nanos, totals);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(system, measured.size(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, measured.size() / seconds, totals);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static void runAll(ExecutorService pool, List<BenchQuery> queries, int clients, Search search,
                               long[] nanos, long[] totals) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(() -> {
                for (int i = client; i < queries.size(); i += clients) {
                    long t = System.nanoTime();
                    long total = search.run(queries.get(i), client);
                    if (nanos != null) {
                        nanos[i] = System.nanoTime() - t;
                        totals[i] = total;
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double p) {
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Command line: {@code --queries Q --warmup W --warmup-seconds T --clients C --seed S}; the server at
     * NANUM_BENCH_URL, the database from NANUM_DB_*, an admin's token from Keycloak at
     * NANUM_KEYCLOAK_URL (user NANUM_BENCH_ADMIN, password NANUM_BENCH_ADMIN_PASSWORD). Prints the
     * report and writes it to target/bench/search.md.
     */
    public static void main(String[] args) throws Exception {
        int queries = 2000;
        int warmup = 400;
        int warmupSeconds = 20;
        int clients = 8;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String jdbc = "jdbc:postgresql://" + env("NANUM_DB_HOST", "127.0.0.1") + ":" + env("NANUM_DB_PORT", "5432") + "/"
                + env("NANUM_DB_NAME", "nanum");
        String token = passwordGrantToken(env("NANUM_KEYCLOAK_URL", "http://127.0.0.1:8180"),
                env("NANUM_BENCH_ADMIN", "ada"), env("NANUM_BENCH_ADMIN_PASSWORD", "ada"));
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        Report report = run(new Settings(env("NANUM_BENCH_URL", "http://127.0.0.1:9080"), jdbc,
                env("NANUM_DB_USER", "nanum"), env("NANUM_DB_PASSWORD", "nanum"), token, queries, warmup, warmupSeconds, clients, seed,
                work));
        String md = report.markdown();
        Files.writeString(work.resolve("search.md"), md);
        System.out.println();
        System.out.println(md);
    }

    static String passwordGrantToken(String keycloakUrl, String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=nanum-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloakUrl
                        + "/realms/nanum/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
