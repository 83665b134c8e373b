package org.nanum.dataimport.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.LongSupplier;

/**
 * Signs in to the Keycloak realm the server trusts (OpenID Connect token endpoint) and keeps the
 * access token fresh. The realm is not configured here but asked of the server
 * ({@code GET /api/sign-in}), so that the command cannot sign in to one Keycloak and send to a
 * server that trusts another. A token past two thirds of its life is replaced by signing in again
 * (no refresh token: the service account has none), so that a long import never sends one that
 * expires on the way.
 */
public final class SignIn {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String server;
    private final Credentials credentials;
    private final LongSupplier nanoClock;
    private String tokenEndpoint;
    private String token;
    private long renewAt;

    public SignIn(HttpClient http, String server, Credentials credentials, LongSupplier nanoClock) {
        this.http = http;
        this.server = server;
        this.credentials = credentials;
        this.nanoClock = nanoClock;
    }

    /** A token that has at least a third of its life left, signing in when needed. */
    public String token() throws ImportStoppedException, InterruptedException {
        if (token == null || nanoClock.getAsLong() - renewAt >= 0) {
            signInAgain();
        }
        return token;
    }

    /** Signs in now, as after the server refused the token (401). */
    public void signInAgain() throws ImportStoppedException, InterruptedException {
        String endpoint = tokenEndpoint();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(credentials.form()))).build();
        long sent = nanoClock.getAsLong();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ImportStoppedException("could not reach Keycloak at " + endpoint + " to sign in: " + reason(e), e);
        }
        JsonObject json = object(response.body());
        if (response.statusCode() != 200 || json == null || !json.containsKey("access_token")) {
            String why = json == null ? "HTTP " + response.statusCode()
                    : ServerAnswer.text(json, "error_description") != null
                    ? ServerAnswer.text(json, "error_description") + " (" + ServerAnswer.text(json, "error") + ")"
                    : "HTTP " + response.statusCode() + (ServerAnswer.text(json, "error") == null ? ""
                            : " (" + ServerAnswer.text(json, "error") + ")");
            throw new ImportStoppedException("could not sign in to Keycloak as " + credentials + ": " + why
                    + (credentials.isDemo() ? ". The demo user sam exists only in the realm of ./nanum run: "
                            + "set NANUM_IMPORT_CLIENT_SECRET (production) or NANUM_IMPORT_USER/NANUM_IMPORT_PASSWORD" : ""));
        }
        token = json.getString("access_token");
        long lifeSeconds = json.containsKey("expires_in") && json.get("expires_in") instanceof jakarta.json.JsonNumber n
                ? n.longValue() : 60;
        renewAt = sent + Duration.ofSeconds(lifeSeconds).toNanos() * 2 / 3;
    }

    /** The realm's token endpoint: the issuer the server names ({@code GET /api/sign-in}) + /protocol/openid-connect/token. */
    String tokenEndpoint() throws ImportStoppedException, InterruptedException {
        if (tokenEndpoint != null) {
            return tokenEndpoint;
        }
        String address = server + "/api/sign-in";
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(address)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ImportStoppedException("could not reach Nanum at " + server + ": " + reason(e)
                    + " (is the server running? --server URL says where it is)", e);
        } catch (IllegalArgumentException e) {
            throw new ImportStoppedException("could not reach Nanum at " + server + ": " + e.getMessage(), e);
        }
        JsonObject json = object(response.body());
        String issuer = json == null ? null : ServerAnswer.text(json, "issuer");
        if (response.statusCode() != 200 || issuer == null) {
            throw new ImportStoppedException(address + " did not say where to sign in (HTTP " + response.statusCode()
                    + "): is " + server + " a Nanum server?");
        }
        tokenEndpoint = issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token";
        return tokenEndpoint;
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** What went wrong with a connection, in words ({@code ConnectException} often has no message of its own). */
    static String reason(IOException e) {
        String message = null;
        for (Throwable cause = e; cause != null && message == null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        if (e instanceof java.net.ConnectException) {
            return "no connection" + (message == null ? "" : " (" + message + ")");
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
