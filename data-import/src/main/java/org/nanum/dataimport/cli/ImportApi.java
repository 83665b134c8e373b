package org.nanum.dataimport.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The client side of the server's import API: one batch, one {@code POST /api/import/{what}}.
 * What may pass is retried: a refused token once after signing in again (it may have expired on
 * the way), a server error, a 429 or a lost connection three times, after 1, 2 and 4 seconds (a
 * restarting server, a deploy). What will not pass stops the import: the server's problem
 * (RFC 9457) for the whole batch is shown as it is, since retrying would only repeat it.
 */
public final class ImportApi {
    /** Waits before the retries of a batch: three retries, then the import stops. */
    static final long[] BACKOFF_MILLIS = {1000, 2000, 4000};
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final String server;
    private final SignIn signIn;
    private final Sleeper sleeper;
    private final PrintStream err;

    public ImportApi(HttpClient http, String server, SignIn signIn, Sleeper sleeper, PrintStream err) {
        this.http = http;
        this.server = server;
        this.signIn = signIn;
        this.sleeper = sleeper;
        this.err = err;
    }

    /** Sends one batch's body to {@code /api/import/{what}} and returns the server's answer. */
    public ServerAnswer send(String what, String body) throws ImportStoppedException, InterruptedException {
        URI address = URI.create(server + "/api/import/" + what);
        boolean signedInAgain = false;
        int retries = 0;
        while (true) {
            String problem;
            try {
                HttpRequest request = HttpRequest.newBuilder(address).timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + signIn.token())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    JsonObject json = SignIn.object(response.body());
                    if (json == null) {
                        throw new ImportStoppedException("the server answered " + address + " with something that is not "
                                + "the import API's JSON: is " + server + " a Nanum server with the import API?");
                    }
                    return ServerAnswer.fromJson(json);
                }
                if (status == 401 && !signedInAgain) {
                    signedInAgain = true;
                    signIn.signInAgain();
                    continue;
                }
                if (status >= 500 || status == 429) {
                    problem = "HTTP " + status + describe(response.body());
                } else {
                    throw new ImportStoppedException(refusal(status, response.body()));
                }
            } catch (IOException e) {
                problem = SignIn.reason(e);
            }
            if (retries == BACKOFF_MILLIS.length) {
                throw new ImportStoppedException("the server did not take the batch after " + (retries + 1)
                        + " tries (" + address + ": " + problem + ")");
            }
            long wait = BACKOFF_MILLIS[retries++];
            err.println("the server did not take the batch (" + problem + "); trying again in " + wait / 1000 + " s");
            sleeper.sleep(wait);
        }
    }

    /** The server's problem (RFC 9457) in words: title, detail, and each field's message. */
    static String refusal(int status, String body) {
        JsonObject problem = SignIn.object(body);
        StringBuilder message = new StringBuilder("the server refused the batch (HTTP ").append(status).append(')');
        if (problem == null) {
            if (status == 401) {
                message.append(": the token was refused again after signing in again; is the server's issuer the one "
                        + "the command signed in to?");
            } else if (status == 403) {
                message.append(": the account the command signs in with may import nothing (it needs the staff role)");
            } else if (status == 404) {
                message.append(": the server has no import API at this address (is it a Nanum server, and recent enough?)");
            }
            return message.toString();
        }
        String title = ServerAnswer.text(problem, "title");
        String detail = ServerAnswer.text(problem, "detail");
        if (title != null) {
            message.append(": ").append(title);
        }
        if (detail != null) {
            message.append(title != null ? ": " : ": ").append(detail);
        }
        JsonValue errors = problem.get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue error : errors.asJsonArray()) {
                if (error.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject fieldError = error.asJsonObject();
                    String field = ServerAnswer.text(fieldError, "field");
                    message.append("\n  ").append(field == null ? "" : field + ": ")
                            .append(ServerAnswer.text(fieldError, "message"));
                }
            }
        }
        return message.toString();
    }

    private static String describe(String body) {
        JsonObject problem = SignIn.object(body);
        String title = problem == null ? null : ServerAnswer.text(problem, "title");
        return title == null ? "" : " " + title;
    }
}
