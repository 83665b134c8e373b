package org.nanum.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The nanum-smoke Liberty server, started by a test as ./nanum run starts Liberty (server run,
 * settings from the environment), for tests that need a server of their own: another database,
 * a restart, an outage. Stopped with SIGTERM, as Ctrl-C would.
 */
public final class StandaloneServer implements AutoCloseable {
    public static final int PORT = Integer.getInteger("nanum.smoke.http.port", 19081);
    private final Process process;

    private StandaloneServer(Process process) {
        this.process = process;
    }

    /** Starts the server with these environment variables and waits until it is live. */
    public static StandaloneServer start(Map<String, String> env) throws IOException, InterruptedException {
        File wlp = new File(System.getProperty("arquillian.wlp.home", "target/liberty/wlp"));
        File log = new File("target/smoke-server.log");
        ProcessBuilder pb = new ProcessBuilder(new File(wlp, "bin/server").getAbsolutePath(), "run", "nanum-smoke")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().put("NANUM_HTTP_PORT", String.valueOf(PORT));
        pb.environment().put("NANUM_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
        pb.environment().putAll(env);
        StandaloneServer server = new StandaloneServer(pb.start());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new AssertionError("the nanum-smoke server stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        server.close();
        throw new AssertionError("the nanum-smoke server was not ready within 180 s; see " + log);
    }

    /**
     * Kills the server at once (SIGKILL to its JVM and the script that started it), as a power cut or
     * the kernel's out-of-memory killer would: no shutdown hooks, no transaction allowed to finish.
     */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    public static RequestSpecification as(String token) {
        RequestSpecification spec = RestAssured.given().baseUri(baseUrl());
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
