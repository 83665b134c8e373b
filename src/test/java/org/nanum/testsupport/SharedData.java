package org.nanum.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in ../shared/data (read from there, never copied into the repository). Outside
 * this workplace it is missing and tests that need it skip, saying so; under CI=true its absence
 * is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String relative) {
        Path dir = Path.of(System.getProperty("nanum.shared.data", "../shared/data")).toAbsolutePath().normalize();
        Path file = dir.resolve(relative);
        boolean present = Files.isReadable(file);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but the shared data file " + file + " is missing");
        }
        assumeTrue(present, "skipped: the shared data file " + file + " is not here (a clone outside the workplace)");
        return file;
    }
}
