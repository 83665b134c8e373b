package org.nanum.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last step of {@code ./nanum test}: no personal data in the logs of a full test run. It reads
 * every file the test run's Nanum servers logged (messages, console, trace and Liberty's FFDC
 * incident files) and fails on any email address of the demo and test people (whoever they are:
 * the pattern, not a list), on the demo residents' names, and on the children's details the tests
 * wrote into care notes (read from the test sources, so that a new test's details are looked for
 * too). What it finds is printed masked, with the file and line.
 *
 * <p>Run as a single source file, without the build's classpath:
 * {@code java src/test/java/org/nanum/tools/LogScan.java LOG_DIR... --sources src/test/java --realm keycloak/nanum-realm.json}.
 */
public final class LogScan {
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@(?:demo|test)\\.nanum\\.local");
    private static final Pattern CHILD_DETAIL = Pattern.compile(
            "(?:childrenNames|allergies|emergencyContact)\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]{5,120})");
    private static final Pattern REALM_NAME = Pattern.compile("\"firstName\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"lastName\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> TOO_COMMON = Set.of("none", "nothing", "no allergies");

    private LogScan() {
    }

    /** A finding: where, and what (masked: the log must not be copied into the test output). */
    record Finding(Path file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what;
        }
    }

    /** The children's details the tests write, as they appear in test sources' JSON. */
    static Set<String> childrensDetails(Path sources) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CHILD_DETAIL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String value = m.group(1).strip();
                    if (!TOO_COMMON.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }

    /** The demo residents' full names, from the realm file. */
    static Set<String> demoNames(Path realm) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REALM_NAME.matcher(Files.readString(realm, StandardCharsets.UTF_8).replaceAll("\\s+", " "));
        while (m.find()) {
            names.add(m.group(1) + " " + m.group(2));
        }
        return names;
    }

    static List<Finding> scan(List<Path> logDirs, Set<String> needles) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (Path dir : logDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    scanFile(f, needles, findings);
                }
            }
        }
        return findings;
    }

    private static void scanFile(Path f, Set<String> needles, List<Finding> findings) {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.ISO_8859_1)) {
            int[] n = {0};
            lines.forEach(raw -> {
                n[0]++;
                String line = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                Matcher m = EMAIL.matcher(line);
                while (m.find()) {
                    findings.add(new Finding(f, n[0], "an email address " + mask(m.group())));
                }
                for (String needle : needles) {
                    if (line.contains(needle)) {
                        findings.add(new Finding(f, n[0], "a child's detail or a resident's name " + mask(needle)));
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            findings.add(new Finding(f, 0, "could not be read: " + e.getMessage()));
        }
    }

    static String mask(String s) {
        return s.length() <= 2 ? "**" : s.charAt(0) + "*".repeat(s.length() - 2) + s.charAt(s.length() - 1);
    }

    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Path sources = Path.of("src/test/java");
        Path realm = Path.of("keycloak/nanum-realm.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sources" -> sources = Path.of(args[++i]);
                case "--realm" -> realm = Path.of(args[++i]);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        Set<String> needles = new LinkedHashSet<>(childrensDetails(sources));
        needles.addAll(demoNames(realm));
        if (needles.isEmpty()) {
            throw new IllegalStateException("no children's details found in " + sources + ": the scan would look for nothing");
        }
        List<Finding> findings = scan(dirs, needles);
        System.out.println("Log scan: " + dirs.size() + " log folders, " + needles.size()
                + " children's details and names looked for, and every email address of the demo and test people: "
                + (findings.isEmpty() ? "none found" : findings.size() + " found"));
        findings.stream().limit(50).forEach(f -> System.out.println("  " + f));
        if (!findings.isEmpty()) {
            System.exit(1);
        }
    }
}
