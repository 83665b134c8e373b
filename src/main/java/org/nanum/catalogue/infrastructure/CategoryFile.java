package org.nanum.catalogue.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.ListingKind;

/** Reads the category tree (catalogue/categories.tsv): parents before children, one kind per branch. */
public final class CategoryFile {
    static final String HEADER = "code\tparent\tkind\tname_ko\tname_en\tname_fr";

    private CategoryFile() {
    }

    public static List<Category> read(InputStream in, String source) throws IOException {
        List<Category> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.util.Map<String, ListingKind> kinds = new java.util.HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.strip().equals(HEADER)) {
                        throw new IOException(source + ":" + n + ": expected the header '" + HEADER + "'");
                    }
                    header = true;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IOException(source + ":" + n + ": expected 6 tab-separated fields");
                }
                String code = f[0].strip();
                String parent = f[1].strip().isEmpty() ? null : f[1].strip();
                ListingKind kind;
                try {
                    kind = ListingKind.valueOf(f[2].strip());
                } catch (IllegalArgumentException e) {
                    throw new IOException(source + ":" + n + ": unknown kind '" + f[2] + "'");
                }
                if (!code.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*") || code.length() > 60 || !seen.add(code)) {
                    throw new IOException(source + ":" + n + ": bad or repeated code '" + code + "'");
                }
                if (parent != null && (!kinds.containsKey(parent) || !code.startsWith(parent + ".")
                        || kinds.get(parent) != kind)) {
                    throw new IOException(source + ":" + n + ": parent '" + parent + "' must come first, prefix the code "
                            + "and have the same kind");
                }
                if (parent == null && code.contains(".")) {
                    throw new IOException(source + ":" + n + ": '" + code + "' needs its parent");
                }
                kinds.put(code, kind);
                out.add(new Category(code, parent, kind, f[3].strip(), f[4].strip(), f[5].strip(), out.size()));
            }
        }
        return out;
    }
}
