package org.nanum.platform.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nanum.testsupport.Keycloak;
import org.nanum.testsupport.NanumDeployment;

/**
 * The import tool of data-import/, run as the operator runs it (a separate JVM, its own sign-in
 * with a staff member's password through Keycloak), against the test server. Its classpath comes
 * from ./nanum test (NANUM_TEST_IMPORT_CP); it works in a folder of the test's, where it keeps its
 * reports and resume state.
 */
final class ImportTool {
    record Run(int exit, String output, Path reportFile) {
        String report() throws IOException {
            return Files.readString(reportFile, StandardCharsets.UTF_8);
        }
    }

    private final Keycloak.Person staff;
    private final Path dir;

    ImportTool(Keycloak.Person staff, Path dir) {
        this.staff = staff;
        this.dir = dir;
    }

    static String classpath() {
        String cp = System.getenv("NANUM_TEST_IMPORT_CP");
        assertTrue(cp != null && !cp.isBlank(), "NANUM_TEST_IMPORT_CP is set by ./nanum test");
        return cp;
    }

    private Path lastReport;

    Process start(String... args) throws IOException {
        Files.createDirectories(dir);
        lastReport = dir.resolve("report-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dnanum.import.home=" + Path.of("data-import").toAbsolutePath(), "-cp", classpath(),
                "org.nanum.dataimport.cli.ImportCommand"));
        command.addAll(List.of(args));
        command.addAll(List.of("--server", NanumDeployment.baseUrl().replaceAll("/$", ""), "--report", lastReport.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output-" + System.nanoTime() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("NANUM_IMPORT_CLIENT_SECRET");
        env.put("NANUM_IMPORT_USER", staff.username());
        env.put("NANUM_IMPORT_PASSWORD", staff.password());
        return pb.start();
    }

    Run run(String... args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the import did not finish within 10 minutes: " + String.join(" ", args));
        }
        return new Run(p.exitValue(), lastOutput(), lastReport);
    }

    String lastOutput() throws IOException {
        try (var files = Files.list(dir)) {
            Path log = files.filter(f -> f.getFileName().toString().startsWith("output-")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }
}
