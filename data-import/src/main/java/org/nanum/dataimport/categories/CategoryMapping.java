package org.nanum.dataimport.categories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.RowError;

/**
 * Which Nanum category a source's category becomes, from a file a city edits.
 *
 * <p>The file is UTF-8 text, one line per source category: its name as the source writes it, a
 * tab, a Nanum category code. An empty code keeps the category unmapped on purpose (it is then
 * reported with the unmapped ones); lines starting with # are comments. Names match ignoring case
 * and repeated spaces ("Crafts & Hobbies " is "crafts & hobbies"). A code that Nanum does not
 * have, a line without a tab, or a name given twice is an error with its line, and the mapping is
 * not used until the file is fixed: a typo must not quietly send listings nowhere.
 */
public final class CategoryMapping {
    private final Map<String, String> codes;
    private final NanumCategories nanum;

    private CategoryMapping(Map<String, String> codes, NanumCategories nanum) {
        this.codes = Map.copyOf(codes);
        this.nanum = nanum;
    }

    /** A mapping that maps nothing: every category is reported, which is how a city starts its file. */
    public static CategoryMapping empty(NanumCategories nanum) {
        return new CategoryMapping(Map.of(), nanum);
    }

    public static CategoryMapping load(Path file, NanumCategories nanum) throws IOException, InvalidMappingFileException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), nanum);
        }
    }

    public static CategoryMapping parse(String text, NanumCategories nanum) throws InvalidMappingFileException {
        try {
            return read(new BufferedReader(new StringReader(text)), "mapping", nanum);
        } catch (IOException e) {
            throw new IllegalStateException("a string cannot fail to be read", e);
        }
    }

    private static CategoryMapping read(BufferedReader reader, String name, NanumCategories nanum)
            throws IOException, InvalidMappingFileException {
        Map<String, String> codes = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = text.indexOf('\t');
            if (tab < 0) {
                errors.add(new RowError(line, null, "expected a source category, a tab and a Nanum category code"));
                continue;
            }
            String category = text.substring(0, tab);
            String code = text.substring(tab + 1).strip();
            String key = keyOf(category);
            if (key.isEmpty()) {
                errors.add(new RowError(line, "source category", "is empty"));
            } else if (lines.containsKey(key)) {
                errors.add(new RowError(line, "source category", "\"" + category.strip() + "\" is already mapped on line "
                        + lines.get(key)));
            } else if (!code.isEmpty() && !nanum.contains(code)) {
                errors.add(new RowError(line, "Nanum category", "\"" + code + "\" is not a category code of Nanum"));
            } else {
                lines.put(key, line);
                codes.put(key, code);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidMappingFileException(name, errors);
        }
        return new CategoryMapping(codes, nanum);
    }

    /** The Nanum code a source category maps to; empty when it is not in the file or left unmapped. */
    public Optional<String> codeFor(String sourceCategory) {
        String code = codes.get(keyOf(sourceCategory));
        return code == null || code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    /** Whether the file has a line for the category, mapped or left unmapped on purpose. */
    public boolean isListed(String sourceCategory) {
        return codes.containsKey(keyOf(sourceCategory));
    }

    /**
     * The code of the first source category, in the order given, that maps to a category of the
     * listing's kind; null when none does. A category mapped to another kind is passed over: a
     * time-bank service cannot land in a goods category.
     */
    public String firstCodeOfKind(List<String> sourceCategories, ListingKind kind) {
        for (String category : sourceCategories) {
            Optional<String> code = codeFor(category);
            if (code.isPresent() && nanum.kindOf(code.get()).orElseThrow() == kind) {
                return code.get();
            }
        }
        return null;
    }

    public NanumCategories nanumCategories() {
        return nanum;
    }

    public int size() {
        return codes.size();
    }

    /** Names match ignoring case and runs of spaces, which real exports vary in. */
    static String keyOf(String category) {
        return String.join(" ", category.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }
}
