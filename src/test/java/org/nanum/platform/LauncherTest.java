package org.nanum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./nanum finds a JDK 21+ or says what to install. */
class LauncherTest {
    record Result(int exit, String output) {
    }

    private static Result nanum(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = new File("nanum").getAbsolutePath();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("NANUM_JVM_DIRS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    /** A fake JDK whose java reports the given version, enough for the launcher's probe. */
    private static Path fakeJdk(Path dir, String name, String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Files.writeString(bin.resolve("javac"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        bin.resolve("javac").toFile().setExecutable(true);
        return dir.resolve(name);
    }

    @Test
    void java_home_is_used_when_it_is_21_or_newer(@TempDir Path dir) throws Exception {
        Path jdk21 = fakeJdk(dir, "jdk-21", "21");
        fakeJdk(dir, "jdk-25", "25");
        Result r = nanum(Map.of("JAVA_HOME", jdk21.toString(), "NANUM_JVM_DIRS", dir.toString()), "java");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith(jdk21 + " (Java 21)"), r.output());
    }

    @Test
    void an_old_java_home_gives_way_to_the_newest_jdk_beside_it(@TempDir Path dir) throws Exception {
        Path jdk17 = fakeJdk(dir, "jdk-17", "17");
        fakeJdk(dir, "jdk-21", "21");
        Path jdk25 = fakeJdk(dir, "temurin-25", "25");
        Result r = nanum(Map.of("JAVA_HOME", jdk17.toString(), "NANUM_JVM_DIRS", dir.toString()), "java");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith(jdk25 + " (Java 25)"), r.output());
    }

    @Test
    void without_a_jdk_21_it_says_what_to_install(@TempDir Path dir) throws Exception {
        Path jdk17 = fakeJdk(dir, "jdk-17", "17");
        Result r = nanum(Map.of("JAVA_HOME", jdk17.toString(), "NANUM_JVM_DIRS", dir.toString()), "java");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("needs a JDK 21 or newer"), r.output());
        assertTrue(r.output().contains("Install one"), r.output());
    }

    @Test
    void help_lists_the_commands() throws Exception {
        Result r = nanum(Map.of(), "help");
        assertEquals(0, r.exit());
        for (String command : new String[] {"run", "test", "build", "reset", "help"}) {
            assertTrue(r.output().contains("\n  " + command + " "), command + " missing from: " + r.output());
        }
    }
}
