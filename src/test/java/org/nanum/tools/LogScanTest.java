package org.nanum.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log scan finds what it must (in any file under the log folders, FFDC included) and reports it masked. */
class LogScanTest {
    @TempDir
    Path dir;

    @Test
    void it_finds_emails_of_test_people_and_the_childrens_details_the_tests_wrote() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("SomeIT.java"), "body(\"{\\\"childrenNames\\\":\\\"Haneul, Bom\\\","
                + "\\\"allergies\\\":\\\"none\\\"}\")");
        Set<String> details = LogScan.childrensDetails(sources);
        assertEquals(Set.of("Haneul, Bom"), details, "'none' is too common to look for");

        Path logs = Files.createDirectories(dir.resolve("logs/ffdc"));
        Files.writeString(logs.resolve("ffdc_1.log"), "ok\nrawJson = {\"email\":\"t-1a2b@test.nanum.local\"}\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("logs/messages.log"), "a line\nthe children Haneul, Bom arrived\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("logs/console.log"), "nothing personal here: ana, 010, peanuts\n", StandardCharsets.UTF_8);
        List<LogScan.Finding> found = LogScan.scan(List.of(dir.resolve("logs"), dir.resolve("missing")), details);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.file().endsWith("ffdc_1.log") && f.line() == 2));
        assertTrue(found.stream().anyMatch(f -> f.file().endsWith("messages.log") && f.line() == 2));
        assertTrue(found.stream().noneMatch(f -> f.toString().contains("test.nanum.local") || f.toString().contains("Haneul")),
                "findings are masked");
    }

    @Test
    void the_demo_residents_names_come_from_the_realm_file() throws Exception {
        Set<String> names = LogScan.demoNames(Path.of("keycloak/nanum-realm.json"));
        assertTrue(names.contains("Ana Kim") && names.size() >= 5, names.toString());
    }
}
