package org.nanum.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nanum.testsupport.Database;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;
import org.nanum.testsupport.StandaloneServer;

/**
 * A slot is never taken twice, whatever the concurrency, on both databases: many residents fire
 * requests at once for the same and for overlapping times (every two of them overlap), and exactly
 * one gets 201; every other gets a clean 409 problem, and the database holds one booking.
 */
@ExtendWith(ArquillianExtension.class)
class SlotRaceIT {
    private static final int RESIDENTS = 10;

    @Deployment(testable = false)
    static WebArchive app() {
        return NanumDeployment.war();
    }

    @Test
    void on_postgresql_one_request_wins_and_every_other_gets_a_409() throws Exception {
        String space = race(NanumDeployment.baseUrl(), NanumDeployment::as);
        // Only the winner's quarter hours are held.
        long held = Database.count("select count(*) from booking_slot where listing_id = ?", space);
        long winners = Database.count("select count(*) from booking where listing_id = ? and status = 'CONFIRMED'", space);
        assertEquals(1, winners);
        assertTrue(held == 4 || held == 8, held + " quarter hours held");
    }

    @Test
    void on_the_embedded_database_too() throws Exception {
        Path h2 = Path.of("target", "race-h2").toAbsolutePath();
        if (Files.exists(h2)) {
            try (Stream<Path> paths = Files.walk(h2)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (StandaloneServer server = StandaloneServer.start(Map.of("NANUM_DB_KIND", "h2", "NANUM_H2_DIR", h2.toString(),
                "NANUM_DEMO_ENABLED", "false", "NANUM_INDEX_DIR", h2.resolve("index").toString()))) {
            race(StandaloneServer.baseUrl(), StandaloneServer::as);
        }
    }

    /** Runs the race on a new space of the server at baseUrl; returns the space's id. */
    private static String race(String baseUrl, Function<String, RequestSpecification> as) throws Exception {
        String staff = Keycloak.newPerson("staff").token();
        String space = Spaces.create(as, staff, "Race room", 60, "09:00", "22:00");
        LocalDate thursday = Spaces.aThursday();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            tokens.add(Keycloak.newPerson().token());
        }
        // Every two of these overlap: 19–21 and 20–22 share 20–21, which is the third.
        List<String> bodies = List.of(Spaces.booking(space, thursday, "19:00", "21:00"),
                Spaces.booking(space, thursday, "20:00", "22:00"), Spaces.booking(space, thursday, "20:00", "21:00"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int requests = tokens.size() * bodies.size();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                for (String body : bodies) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bookings"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
            }
            start.countDown();
            int won = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get(90, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    won++;
                    continue;
                }
                assertEquals(409, r.statusCode(), r.body());
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                JsonObject problem = Json.createReader(new StringReader(r.body())).readObject();
                assertEquals("urn:nanum:problem:slot-taken", problem.getString("type"), r.body());
            }
            assertEquals(1, won, "exactly one of " + requests + " racing requests books");
        } finally {
            pool.shutdownNow();
        }
        // The space's staff see one confirmed booking on that day.
        List<String> statuses = as.apply(staff).get("/api/spaces/" + space + "/bookings?from=" + thursday + "&to=" + thursday)
                .then().statusCode(200).extract().jsonPath().getList("status");
        assertEquals(List.of("CONFIRMED"), statuses);
        return space;
    }
}
