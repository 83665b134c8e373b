package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL TEST: the client against {@link FakeNanum}, a stand-in on 127.0.0.1 that follows the
 * import API's contract, to check what the client does on 401, 503 and a refused batch. It is
 * not the server; the lead's integration test runs against the real one.
 */
class ImportApiProtocolTest {
    private static final String BODY = Batches.body("houston", false, List.of("{\"externalId\":\"1\",\"line\":2}"));

    private FakeNanum nanum;
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private ImportApi api;

    @BeforeEach
    void start() throws IOException {
        nanum = new FakeNanum();
        api = api(Map.of());
    }

    private ImportApi api(Map<String, String> env) {
        HttpClient http = HttpClient.newHttpClient();
        SignIn signIn = new SignIn(http, nanum.url(), Credentials.fromEnvironment(env), System::nanoTime);
        return new ImportApi(http, nanum.url(), signIn, sleeps::add,
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        nanum.close();
    }

    @Test
    void aRefusedTokenSignsInAgainAndRetriesTheBatchOnce() throws Exception {
        nanum.reply(401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");

        ServerAnswer answer = api.send("listings", BODY);

        assertEquals(1, answer.created());
        assertEquals(2, nanum.imports.size());
        assertEquals("Bearer token-1", nanum.imports.get(0).authorization());
        assertEquals("Bearer token-2", nanum.imports.get(1).authorization());
        assertEquals("/api/import/listings", nanum.imports.get(1).path());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aTokenRefusedTwiceStops() {
        nanum.reply(401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");
        nanum.reply(401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}");

        ImportStoppedException e = assertThrows(ImportStoppedException.class, () -> api.send("listings", BODY));

        assertEquals("the server refused the batch (HTTP 401): Unauthorized", e.getMessage());
        assertEquals(2, nanum.imports.size());
    }

    @Test
    void serverErrorsAreRetriedAfterOneTwoAndFourSeconds() throws Exception {
        for (int i = 0; i < 3; i++) {
            nanum.reply(503, "text/plain", "restarting");
        }

        ServerAnswer answer = api.send("members", BODY);

        assertEquals(1, answer.created());
        assertEquals(4, nanum.imports.size());
        assertEquals(List.of(1000L, 2000L, 4000L), sleeps);
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("(HTTP 503); trying again in 1 s"));
    }

    @Test
    void aServerThatStaysDownStopsTheImportAfterThreeRetries() {
        for (int i = 0; i < 5; i++) {
            nanum.reply(503, "text/plain", "down");
        }

        ImportStoppedException e = assertThrows(ImportStoppedException.class, () -> api.send("listings", BODY));

        assertTrue(e.getMessage().startsWith("the server did not take the batch after 4 tries"), e.getMessage());
        assertEquals(4, nanum.imports.size());
        assertEquals(List.of(1000L, 2000L, 4000L), sleeps);
    }

    @Test
    void aProblemForTheWholeBatchStopsAtOnceWithItsTitleDetailAndFields() {
        nanum.reply(400, "application/problem+json", """
                {"type":"about:blank","title":"Invalid import","status":400,"detail":"source must be at most 40 characters",
                 "errors":[{"field":"source","message":"at most 40 characters"}]}""");

        ImportStoppedException e = assertThrows(ImportStoppedException.class, () -> api.send("listings", BODY));

        assertEquals("the server refused the batch (HTTP 400): Invalid import: source must be at most 40 characters\n"
                + "  source: at most 40 characters", e.getMessage());
        assertEquals(1, nanum.imports.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void theDemoSignInThatFailsSaysWhatToSet() {
        nanum.refuseSignIn = true;

        ImportStoppedException e = assertThrows(ImportStoppedException.class, () -> api.send("listings", BODY));

        assertTrue(e.getMessage().startsWith("could not sign in to Keycloak as the demo staff user \"sam\" (client "
                + "nanum-cli): Invalid user credentials (invalid_grant)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("set NANUM_IMPORT_CLIENT_SECRET (production) or "
                + "NANUM_IMPORT_USER/NANUM_IMPORT_PASSWORD"), e.getMessage());
        assertEquals(0, nanum.imports.size());
    }

    @Test
    void theServiceAccountSignsInWithClientCredentialsAndNeverPrintsTheSecret() throws Exception {
        ImportApi service = api(Map.of("NANUM_IMPORT_CLIENT_SECRET", "s3cr3t-value"));

        service.send("listings", BODY);
        nanum.refuseSignIn = true;
        ImportStoppedException e = assertThrows(ImportStoppedException.class,
                () -> api(Map.of("NANUM_IMPORT_CLIENT_SECRET", "s3cr3t-value")).send("listings", BODY));

        assertEquals("grant_type=client_credentials&client_id=nanum-import&client_secret=s3cr3t-value",
                nanum.tokenForms.getFirst());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains("NANUM_IMPORT_USER"), "the hint is for the demo user only");
    }

    @Test
    void aNamedUserSignsInWithThePasswordGrantOfTheCliClient() throws Exception {
        api(Map.of("NANUM_IMPORT_USER", "kim", "NANUM_IMPORT_PASSWORD", "p&ss word")).send("listings", BODY);

        assertEquals("grant_type=password&client_id=nanum-cli&username=kim&password=p%26ss+word",
                nanum.tokenForms.getFirst());
    }

    @Test
    void aTokenPastTwoThirdsOfItsLifeIsReplaced() throws Exception {
        long[] now = {0};
        SignIn signIn = new SignIn(HttpClient.newHttpClient(), nanum.url(), Credentials.fromEnvironment(Map.of()),
                () -> now[0]);

        assertEquals("token-1", signIn.token());
        now[0] = 199_000_000_000L; // 199 s of 300
        assertEquals("token-1", signIn.token());
        now[0] = 200_000_000_000L;
        assertEquals("token-2", signIn.token());
    }
}
