package org.nanum.dataimport.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PROTOCOL TEST DOUBLE, not Nanum: a JDK HTTP server on 127.0.0.1 (a free port) that plays the
 * server's sign-in discovery, Keycloak's token endpoint and the import API as the contract writes
 * them, with scripted failures, to check the client's behaviour (retries, sign-in again, stops).
 * The lead's integration test runs the command against the real server.
 */
final class FakeNanum implements AutoCloseable {

    /** One scripted answer to an import request. */
    record Reply(int status, String contentType, String body) {
    }

    /** One import request as received. */
    record Request(String path, String authorization, JsonObject body) {
    }

    private final HttpServer server;
    final List<Request> imports = new CopyOnWriteArrayList<>();
    final List<String> tokenForms = new CopyOnWriteArrayList<>();
    final Deque<Reply> importReplies = new ArrayDeque<>();
    volatile boolean refuseSignIn;
    private int tokens;

    FakeNanum() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/sign-in", exchange -> send(exchange, 200, "application/json",
                "{\"issuer\":\"" + url() + "/realms/nanum\",\"clientId\":\"nanum-web\",\"cityZone\":\"Asia/Seoul\"}"));
        server.createContext("/realms/nanum/protocol/openid-connect/token", this::token);
        server.createContext("/api/import/", this::importBatch);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void reply(int status, String contentType, String body) {
        importReplies.add(new Reply(status, contentType, body));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenForms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (refuseSignIn) {
            send(exchange, 401, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
            return;
        }
        int number;
        synchronized (this) {
            number = ++tokens;
        }
        send(exchange, 200, "application/json",
                "{\"access_token\":\"token-" + number + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
    }

    private void importBatch(HttpExchange exchange) throws IOException {
        JsonObject body = Json.createReader(new StringReader(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
        imports.add(new Request(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply;
        synchronized (this) {
            reply = importReplies.poll();
        }
        if (reply != null) {
            send(exchange, reply.status(), reply.contentType(), reply.body());
            return;
        }
        JsonArrayBuilder outcomes = Json.createArrayBuilder();
        int created = 0;
        int errors = 0;
        int review = 0;
        for (JsonValue value : body.getJsonArray("records")) {
            JsonObject record = value.asJsonObject();
            boolean tooLong = record.containsKey("title") && !record.isNull("title")
                    && record.getString("title").contains("TOO LONG");
            boolean unmapped = record.containsKey("category") && record.isNull("category");
            if (tooLong) {
                errors++;
            } else {
                created++;
            }
            if (unmapped && !tooLong) {
                review++;
            }
            outcomes.add(Json.createObjectBuilder().add("externalId", record.getString("externalId"))
                    .add("line", record.getInt("line")).add("outcome", tooLong ? "ERROR" : "CREATED")
                    .add("id", tooLong ? JsonValue.NULL : Json.createValue("n-" + record.getString("externalId")))
                    .add("review", unmapped && !tooLong)
                    .add("field", tooLong ? Json.createValue("title") : JsonValue.NULL)
                    .add("reason", tooLong ? Json.createValue("at most 120 characters")
                            : unmapped ? Json.createValue("no Nanum category") : JsonValue.NULL));
        }
        send(exchange, 200, "application/json", Json.createObjectBuilder()
                .add("source", body.getString("source")).add("dryRun", body.getBoolean("dryRun"))
                .add("created", created).add("updated", 0).add("unchanged", 0).add("skipped", 0)
                .add("errors", errors).add("review", review).add("outcomes", outcomes).build().toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
