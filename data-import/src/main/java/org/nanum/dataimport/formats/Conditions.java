package org.nanum.dataimport.formats;

import java.util.Locale;
import java.util.Map;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.Condition;

/**
 * The words lending software uses for an item's condition, on Nanum's four. Lend Engine prefixes
 * a grade ("A - As new"), which is dropped. A word not listed here is an error rather than a
 * guess: the city adds it here or fixes the file.
 */
final class Conditions {
    private static final Map<String, Condition> WORDS = Map.ofEntries(
            Map.entry("new", Condition.NEW), Map.entry("as new", Condition.NEW), Map.entry("like new", Condition.NEW),
            Map.entry("brand new", Condition.NEW), Map.entry("mint", Condition.NEW), Map.entry("excellent", Condition.NEW),
            Map.entry("새것", Condition.NEW), Map.entry("새 제품", Condition.NEW),
            Map.entry("good", Condition.GOOD), Map.entry("very good", Condition.GOOD), Map.entry("great", Condition.GOOD),
            Map.entry("좋음", Condition.GOOD),
            Map.entry("fair", Condition.FAIR), Map.entry("ok", Condition.FAIR), Map.entry("okay", Condition.FAIR),
            Map.entry("used", Condition.FAIR), Map.entry("average", Condition.FAIR), Map.entry("acceptable", Condition.FAIR),
            Map.entry("보통", Condition.FAIR),
            Map.entry("worn", Condition.WORN), Map.entry("poor", Condition.WORN), Map.entry("damaged", Condition.WORN),
            Map.entry("well used", Condition.WORN), Map.entry("needs repair", Condition.WORN),
            Map.entry("낡음", Condition.WORN));

    private Conditions() {
    }

    static Condition of(Cell cell) {
        String text = cell.orNull();
        if (text == null) {
            return null;
        }
        String word = text.toLowerCase(Locale.ROOT).replaceFirst("^[a-e]\\s*[-–:]\\s*", "").strip();
        try {
            return Condition.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notNanumsOwnWord) {
            Condition condition = WORDS.get(word);
            if (condition == null) {
                throw cell.fail("\"" + text + "\" is not a condition this import knows; use New, Good, Fair or Worn");
            }
            return condition;
        }
    }
}
