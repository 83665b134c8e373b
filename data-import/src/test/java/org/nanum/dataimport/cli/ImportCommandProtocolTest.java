package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nanum.dataimport.TestFiles;

/**
 * PROTOCOL TEST: the whole command (read, sign in, batches, resume, report, exit code) against
 * {@link FakeNanum}, a stand-in on 127.0.0.1 that follows the import API's contract. It checks the
 * client's side only; the lead's integration test runs the command against the real server.
 */
class ImportCommandProtocolTest {
    private static final String ITEMS = """
            {"items": [
              {"id": "1", "name": "Cordless drill", "category": "Tools & Equipment"},
              {"id": "2", "name": "Ukulele 우쿨렐레", "category": "Musical Instruments"},
              {"id": "3", "name": "Tonie box", "category": "Educational Kits"},
              {"id": "4", "name": "TOO LONG sewing kit", "category": "Crafts & Hobbies"},
              {"id": "5", "name": "Chess set", "category": "Games & Puzzles"}
            ]}
            """;

    @TempDir
    Path dir;
    private FakeNanum nanum;
    private ByteArrayOutputStream outBytes;
    private ByteArrayOutputStream errBytes;

    @BeforeEach
    void start() throws IOException {
        nanum = new FakeNanum();
    }

    @AfterEach
    void stop() {
        nanum.close();
    }

    private int run(String... args) {
        outBytes = new ByteArrayOutputStream();
        errBytes = new ByteArrayOutputStream();
        ImportCommand command = new ImportCommand(Map.of(), dir, TestFiles.module(),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                false, millis -> { }, System::nanoTime);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", nanum.url()));
        return command.run(all);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> externalIds() {
        return nanum.imports.stream().flatMap(request -> request.body().getJsonArray("records").stream())
                .map(record -> record.asJsonObject().getString("externalId")).toList();
    }

    private Path stateFile() {
        return dir.resolve("import-reports/items.json.houston.state.json");
    }

    @Test
    void aFileIsSentInBatchesAndReported() throws IOException {
        Files.writeString(dir.resolve("items.json"), ITEMS);

        int status = run("library-json", "items.json", "--source", "houston", "--batch", "2", "--report", "report.txt");

        assertEquals(1, status, "the server refused one record: " + err());
        assertEquals(3, nanum.imports.size());
        assertEquals(List.of("1", "2", "3", "4", "5"), externalIds());
        JsonObject first = nanum.imports.getFirst().body();
        assertEquals("houston", first.getString("source"));
        assertFalse(first.getBoolean("dryRun"));
        assertEquals("/api/import/listings", nanum.imports.getFirst().path());
        assertEquals("goods.tools", first.getJsonArray("records").getJsonObject(0).getString("category"));
        List<String> report = Files.readAllLines(dir.resolve("report.txt"));
        assertTrue(report.getFirst().startsWith("library-json items.json (source \"houston\"): 5 rows read, 5 records"),
                report.getFirst());
        assertTrue(report.contains("UNMAPPED 1 listing: Educational Kits"), report.toString());
        assertTrue(report.contains("REVIEW line 4 \"3\": no Nanum category: held for staff review"), report.toString());
        assertTrue(report.contains("ERROR line 5 \"4\", field \"title\": at most 120 characters"), report.toString());
        assertEquals("server: 4 created, 0 updated, 0 unchanged, 0 skipped, 1 errors, 1 held for review", report.getLast());
        assertTrue(out().contains("server: 4 created, 0 updated, 0 unchanged, 0 skipped, 1 errors, 1 held for review\n"
                + "report: " + dir.resolve("report.txt")), out());
        assertTrue(err().contains("imported 2/5 records (40%)"), err());
        assertFalse(Files.exists(stateFile()), "a finished import leaves no state");
    }

    @Test
    void anImportThatStoppedResumesAfterWhatTheServerConfirmed() throws IOException {
        Files.writeString(dir.resolve("items.json"), ITEMS);
        nanum.reply(200, "application/json", "{\"created\":2,\"outcomes\":[]}");
        nanum.reply(422, "application/problem+json", "{\"title\":\"Unprocessable\",\"status\":422,\"detail\":\"try later\"}");

        int stopped = run("library-json", "items.json", "--source", "houston", "--batch", "2");

        assertEquals(3, stopped);
        assertTrue(err().contains("the server refused the batch (HTTP 422): Unprocessable: try later"), err());
        assertTrue(err().contains("2 of 5 records of items.json were imported; run the same command again to resume"),
                err());
        assertEquals(2, ResumeState.read(stateFile()).orElseThrow().done());
        Path report;
        try (Stream<Path> reports = Files.list(dir.resolve("import-reports"))) {
            report = reports.filter(path -> path.getFileName().toString().matches("items\\.json-\\d{8}-\\d{6}\\.txt"))
                    .findFirst().orElseThrow();
        }
        assertTrue(Files.readString(report).contains("STOPPED the server refused the batch (HTTP 422)"));
        nanum.imports.clear();

        int resumed = run("library-json", "items.json", "--source", "houston", "--batch", "2");

        assertEquals(1, resumed);
        assertTrue(out().contains("resuming after 2 of 5 records"), out());
        assertEquals(List.of("3", "4", "5"), externalIds());
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void aChangedFileOrNoResumeStartsOver() throws IOException {
        Path file = Files.writeString(dir.resolve("items.json"), ITEMS);
        new ResumeState("library-json", "houston", file.toString(), ResumeState.sha256(file), 4, 5).write(stateFile());

        run("library-json", "items.json", "--source", "houston", "--no-resume");

        assertEquals(List.of("1", "2", "3", "4", "5"), externalIds());
        nanum.imports.clear();
        new ResumeState("library-json", "houston", file.toString(), "another-file", 4, 5).write(stateFile());

        run("library-json", "items.json", "--source", "houston");

        assertFalse(out().contains("resuming"), out());
        assertEquals(List.of("1", "2", "3", "4", "5"), externalIds());
    }

    @Test
    void aDryRunSaysSoAndKeepsNoState() throws IOException {
        Files.writeString(dir.resolve("items.json"), ITEMS.replace("TOO LONG sewing kit", "Sewing kit"));

        int status = run("library-json", "items.json", "--dry-run", "--batch", "1");

        assertEquals(0, status, err());
        assertTrue(nanum.imports.stream().allMatch(request -> request.body().getBoolean("dryRun")));
        assertEquals(5, nanum.imports.size());
        assertTrue(out().contains("(dry run)"), out());
        assertTrue(err().contains("checked 1/5 records (20%)"), err());
        assertFalse(Files.exists(dir.resolve("import-reports/items.json.library-json.state.json")));
    }

    @Test
    void aFileThatCannotBeReadSendsNothing() throws IOException {
        Files.writeString(dir.resolve("items.json"), "{\"items\": [ {\"id\": ");

        int status = run("library-json", "items.json", "--report", "r.txt");

        assertEquals(2, status);
        assertEquals(List.of(), nanum.imports);
        assertEquals(List.of(), nanum.tokenForms, "not even a sign-in");
        assertTrue(err().contains("nothing was sent"), err());
        assertTrue(Files.readString(dir.resolve("r.txt")).contains("ERROR line"));
    }

    @Test
    void aMissingFileOrBadMappingIsUsage() throws IOException {
        assertEquals(2, run("library-json", "none.json"));
        assertTrue(err().contains("cannot read none.json: no such file"), err());

        Files.writeString(dir.resolve("items.json"), ITEMS);
        Files.writeString(dir.resolve("bad.tsv"), "Tools & Equipment\tgoods.nothing\n");
        assertEquals(2, run("library-json", "items.json", "--mapping", "bad.tsv"));
        assertTrue(err().contains("\"goods.nothing\" is not a category code of Nanum"), err());

        assertEquals(2, run("lendengine-items", "items.json"));
        assertTrue(err().contains("say which currency they are in"), err());

        assertEquals(2, run("library-json", "items.json", "--bogus"));
        assertTrue(err().contains("unknown option --bogus") && err().contains("Usage: ./nanum import"), err());
        assertEquals(List.of(), nanum.imports);
    }

    @Test
    void aTimeBankIsImportedMembersPostsTransfersThenBalances() throws IOException {
        Files.writeString(dir.resolve("members.csv"), "N,Name,Email,Phone,Created,Locale,Balance\n"
                + "1,Manuel,manuel@example.org,652212383,2019-01-22 10:14:55,es,1:30\n"
                + "2,Anna,,,2019-01-23 10:00:00,es,-1.5\n"
                + "3,Josep,,,2019-01-24 10:00:00,ca,\n");
        Files.writeString(dir.resolve("posts.csv"), "Id,Title,Description,Category,Type,User,N,Created,Updated,Tags\n"
                + "11,Yoga,Sesiones,Salud,Offer,Manuel,1,2019-01-22 10:14:55,,\n");
        Files.writeString(dir.resolve("transfers.csv"), "Date,from ID,to ID,quantity,post ID,Comments\n"
                + "2019-01-25 10:00:00 +0100,2,1,1.5,11,Yoga\n");

        int status = run("timeoverflow", "members.csv", "posts.csv", "transfers.csv", "--source", "barcelona");

        assertEquals(0, status, err());
        assertEquals(List.of("/api/import/members", "/api/import/listings", "/api/import/transfers",
                "/api/import/balances"), nanum.imports.stream().map(FakeNanum.Request::path).toList());
        JsonObject member = nanum.imports.get(0).body().getJsonArray("records").getJsonObject(0);
        assertFalse(member.containsKey("extra"));
        JsonObject transfer = nanum.imports.get(2).body().getJsonArray("records").getJsonObject(0);
        assertEquals(90, transfer.getInt("minutes"));
        assertEquals("2019-01-25T09:00:00Z", transfer.getString("at"));
        List<JsonValue> balances = nanum.imports.get(3).body().getJsonArray("records");
        assertEquals(2, balances.size(), "Josep has no balance");
        assertEquals(90, balances.get(0).asJsonObject().getInt("minutes"));
        assertEquals("2", balances.get(1).asJsonObject().getString("externalId"));
        assertEquals(-90, balances.get(1).asJsonObject().getInt("minutes"));
        assertTrue(nanum.imports.stream().allMatch(request -> request.body().getString("source").equals("barcelona")));
    }

    @Test
    void noServerIsExitThreeWithAClearMessage() throws IOException {
        Files.writeString(dir.resolve("items.json"), ITEMS);
        nanum.close();

        int status = run("library-json", "items.json");

        assertEquals(3, status);
        assertTrue(err().contains("could not reach Nanum at " + nanum.url()), err());
    }
}
