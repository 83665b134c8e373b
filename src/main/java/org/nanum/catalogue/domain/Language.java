package org.nanum.catalogue.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The languages the catalogue analyses: Korean, English and French. */
public enum Language {
    KO, EN, FR;

    private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3\\u1100-\\u11FF\\u3130-\\u318F]");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[àâæçéèêëîïôœùûüÿ]");
    private static final Pattern FRENCH_WORDS = Pattern.compile(
            "\\b(le|la|les|des|du|une|pour|avec|et|est|dans|sur|je|nous|vous|mon|ma|mes)\\b");
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(the|and|for|with|is|my|your|to|of|in|on|a|an|i|we|you)\\b");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * A guess good enough for short listings: any Hangul means Korean; otherwise French when its
     * letters or small words outnumber English ones; English by default.
     */
    public static Language detect(String text) {
        if (text == null || text.isBlank()) {
            return EN;
        }
        if (HANGUL.matcher(text).find()) {
            return KO;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        long french = FRENCH_LETTERS.matcher(lower).results().count() + FRENCH_WORDS.matcher(lower).results().count();
        long english = ENGLISH_WORDS.matcher(lower).results().count();
        return french > english ? FR : EN;
    }
}
