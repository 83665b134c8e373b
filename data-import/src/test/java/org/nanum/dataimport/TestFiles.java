package org.nanum.dataimport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nanum.dataimport.categories.CategoryMapping;
import org.nanum.dataimport.categories.InvalidMappingFileException;
import org.nanum.dataimport.categories.NanumCategories;

/** Where the tests find Nanum's categories, the shipped mappings and the shared real data. */
public final class TestFiles {

    private TestFiles() {
    }

    /** data-import/, where Maven runs the tests. */
    public static Path module() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The checkout the module lives in (the project root). */
    public static Path project() {
        return module().getParent();
    }

    public static NanumCategories nanumCategories() {
        try {
            return NanumCategories.fromCatalogueFile(project().resolve("src/main/resources/catalogue/categories.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CategoryMapping shippedMapping(String format) {
        try {
            return CategoryMapping.load(module().resolve("mappings/" + format + ".tsv"), nanumCategories());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidMappingFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * The shared real data, ../shared/data beside the project (NANUM_SHARED_DATA to put it
     * elsewhere). Without it the test is skipped and says why, except on CI (CI=true), where a
     * missing directory must fail rather than pass quietly.
     */
    public static Path sharedData() {
        String configured = System.getenv("NANUM_SHARED_DATA");
        Path dir = configured != null ? Path.of(configured) : project().getParent().resolve("shared/data");
        if (!Files.isDirectory(dir)) {
            String message = "the shared real data is not at " + dir + " (set NANUM_SHARED_DATA to its directory)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message + "; skipped");
        }
        return dir;
    }
}
