package org.nanum.dataimport.categories;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nanum.dataimport.ListingKind;

/**
 * Nanum's category codes and the kind of listing each belongs to: what a mapping may point to.
 * Read from the catalogue's {@code categories.tsv} (or the server's list of categories).
 */
public final class NanumCategories {
    private final Map<String, ListingKind> kinds;

    public NanumCategories(Map<String, ListingKind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** Reads the catalogue's category file: tab-separated, a header starting with "code", comments with #. */
    public static NanumCategories fromCatalogueFile(Path categoriesTsv) throws IOException {
        Map<String, ListingKind> kinds = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(categoriesTsv, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 3) {
                    throw new IOException(categoriesTsv + ": not a category line: " + line);
                }
                kinds.put(fields[0].strip(), ListingKind.valueOf(fields[2].strip()));
            }
        }
        return new NanumCategories(kinds);
    }

    public boolean contains(String code) {
        return kinds.containsKey(code);
    }

    public Optional<ListingKind> kindOf(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    public int size() {
        return kinds.size();
    }
}
