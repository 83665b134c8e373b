package org.nanum.catalogue.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups of words that mean the same across Korean, English and French (드릴, drill, perceuse).
 * A query that contains a word (or phrase) of a group is also run with each other member in its
 * place; the variants score a little lower than what was typed.
 */
public final class Synonyms {
    private final Map<String, Set<String>> groups = new HashMap<>();

    public static Synonyms read(InputStream in) throws IOException {
        Synonyms s = new Synonyms();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                Set<String> group = new LinkedHashSet<>();
                for (String word : line.split(",")) {
                    if (!word.isBlank()) {
                        group.add(word.strip().toLowerCase(Locale.ROOT));
                    }
                }
                for (String word : group) {
                    s.groups.computeIfAbsent(word, k -> new LinkedHashSet<>()).addAll(group);
                }
            }
        }
        return s;
    }

    /**
     * The query with synonyms in place of the words it contains (one or two words replaced,
     * "ride to the doctor" → "drive to the appointment"); at most {@code max}, without the query itself.
     */
    public List<String> variants(String query, int max) {
        String lower = query.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(singleVariants(lower, max));
        for (String once : List.copyOf(out)) {
            for (String twice : singleVariants(once, max)) {
                if (out.size() >= max) {
                    return out;
                }
                if (!twice.equals(lower) && !out.contains(twice)) {
                    out.add(twice);
                }
            }
        }
        return out;
    }

    private List<String> singleVariants(String lower, int max) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : groups.entrySet()) {
            String word = e.getKey();
            int at = indexOfWord(lower, word);
            if (at < 0) {
                continue;
            }
            for (String other : e.getValue()) {
                if (!other.equals(word) && out.size() < max) {
                    String variant = lower.substring(0, at) + other + lower.substring(at + word.length());
                    if (!out.contains(variant)) {
                        out.add(variant);
                    }
                }
            }
        }
        return out;
    }

    private static int indexOfWord(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            // Korean particles attach to the word (드릴을): only the start needs a boundary there.
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || Character.UnicodeScript.of(word.codePointAt(word.length() - 1)) == Character.UnicodeScript.HANGUL;
            if (startOk && endOk) {
                return at;
            }
            from = at + 1;
        }
    }
}
