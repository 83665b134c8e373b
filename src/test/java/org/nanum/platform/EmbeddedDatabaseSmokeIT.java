package org.nanum.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.TestEnvironment;

/**
 * ./nanum run's setting: the application on the embedded database (H2 in file mode) with the
 * demo city. Starts its own Liberty server (nanum-smoke), stops it, starts it again, and checks
 * that what a resident did is still there.
 */
class EmbeddedDatabaseSmokeIT {
    private static final int PORT = Integer.getInteger("nanum.smoke.http.port", 19081);
    private Process server;

    @Test
    void runs_on_the_embedded_database_and_keeps_its_data_across_a_restart() throws Exception {
        Path h2 = Path.of("target", "smoke-h2").toAbsolutePath();
        deleteTree(h2);

        server = start(h2);
        RequestSpecification ana = as(Keycloak.token("ana", "ana"));
        ana.get("/api/me").then().statusCode(200).body("district.code", equalTo("mapo"))
                .body("residencyVerified", equalTo(true));
        as(null).get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database' }.data.product", equalTo("H2"));
        Keycloak.Person p = Keycloak.newPerson();
        as(p.token()).contentType(ContentType.JSON).body("{\"name\":\"Smoke family\"}").post("/api/households")
                .then().statusCode(201);
        stop();

        server = start(h2);
        as(p.token()).get("/api/households/mine").then().statusCode(200).body("name", equalTo("Smoke family"));
        as(Keycloak.token("ana", "ana")).get("/api/me").then().statusCode(200).body("district.code", equalTo("mapo"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: Liberty stops cleanly
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        server = null;
    }

    private static RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().baseUri("http://127.0.0.1:" + PORT);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private static Process start(Path h2) throws IOException, InterruptedException {
        File wlp = new File(System.getProperty("arquillian.wlp.home", "target/liberty/wlp"));
        File log = new File("target/smoke-server.log");
        ProcessBuilder pb = new ProcessBuilder(new File(wlp, "bin/server").getAbsolutePath(), "run", "nanum-smoke")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().put("NANUM_DB_KIND", "h2");
        pb.environment().put("NANUM_H2_DIR", h2.toString());
        pb.environment().put("NANUM_HTTP_PORT", String.valueOf(PORT));
        pb.environment().put("NANUM_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
        pb.environment().put("NANUM_DEMO_ENABLED", "true");
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the nanum-smoke server stopped while starting; see " + log);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new AssertionError("the nanum-smoke server was not ready within 180 s; see " + log);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
