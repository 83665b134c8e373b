package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line: defaults, every option, and what is refused before anything is read. */
class ImportArgumentsTest {

    private static ImportArguments parse(String... args) throws UsageException {
        return ImportArguments.parse(List.of(args), Map.of());
    }

    private static String refused(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void aFormatAndAFileTakeTheDefaults() throws UsageException {
        ImportArguments arguments = parse("library-json", "houston.json");

        assertEquals("library-json", arguments.format());
        assertEquals(List.of(Path.of("houston.json")), arguments.files());
        assertEquals("library-json", arguments.source());
        assertEquals("http://localhost:9080", arguments.server());
        assertEquals(200, arguments.batch());
        assertFalse(arguments.dryRun());
        assertFalse(arguments.noResume());
        assertNull(arguments.currency());
        assertNull(arguments.zone());
        assertNull(arguments.mapping());
        assertNull(arguments.report());
    }

    @Test
    void theDefaultServerUsesNanumHttpPort() throws UsageException {
        assertEquals("http://localhost:19999",
                ImportArguments.parse(List.of("library-json", "f.json"), Map.of("NANUM_HTTP_PORT", "19999")).server());
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        ImportArguments arguments = parse("lendengine-items", "items.csv", "--dry-run", "--source", "houston",
                "--currency", "usd", "--zone=America/Chicago", "--mapping", "my.tsv", "--server", "https://nanum.example/",
                "--batch", "500", "--report", "out.txt", "--no-resume");

        assertTrue(arguments.dryRun());
        assertTrue(arguments.noResume());
        assertEquals("houston", arguments.source());
        assertEquals("USD", arguments.currency());
        assertEquals(ZoneId.of("America/Chicago"), arguments.zone());
        assertEquals(Path.of("my.tsv"), arguments.mapping());
        assertEquals("https://nanum.example", arguments.server());
        assertEquals(500, arguments.batch());
        assertEquals(Path.of("out.txt"), arguments.report());
    }

    @Test
    void timeOverflowTakesThreeFilesInOrder() throws UsageException {
        ImportArguments arguments = parse("timeoverflow", "members.csv", "posts.csv", "transfers.csv");

        assertTrue(arguments.isTimeOverflow());
        assertEquals("timeoverflow", arguments.source());
        assertEquals(List.of(Path.of("members.csv"), Path.of("posts.csv"), Path.of("transfers.csv")), arguments.files());
        assertEquals("timeoverflow takes three files, in this order: MEMBERS POSTS TRANSFERS",
                refused("timeoverflow", "members.csv", "posts.csv"));
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertTrue(parse("--help").help());
        assertTrue(parse("library-json", "-h").help());
        assertTrue(ImportArguments.usage().contains("--no-resume"));
    }

    @Test
    void badCommandLinesAreRefusedWithTheReason() {
        assertEquals("say which format the file is in", refused());
        assertEquals("say which file to import", refused("library-json"));
        assertEquals("library-json takes one file", refused("library-json", "a.json", "b.json"));
        assertTrue(refused("library", "a.json").startsWith("unknown format \"library\"; the formats are lendengine-items"));
        assertEquals("unknown option --dryrun", refused("library-json", "a.json", "--dryrun"));
        assertEquals("--source needs a value", refused("library-json", "a.json", "--source"));
        assertEquals("--source needs a value", refused("library-json", "a.json", "--source", "--dry-run"));
        assertEquals("--dry-run takes no value", refused("library-json", "a.json", "--dry-run=yes"));
        assertTrue(refused("library-json", "a.json", "--batch", "0").startsWith("--batch: \"0\" is not a number"));
        assertTrue(refused("library-json", "a.json", "--batch", "501").contains("from 1 to 500"));
        assertTrue(refused("library-json", "a.json", "--batch", "many").startsWith("--batch"));
        assertTrue(refused("library-json", "a.json", "--currency", "WON").startsWith("--currency: \"WON\""));
        assertTrue(refused("library-json", "a.json", "--zone", "Seoul").startsWith("--zone: \"Seoul\""));
        assertTrue(refused("library-json", "a.json", "--server", "localhost:9080").startsWith("--server"));
    }
}
