package org.nanum.dataimport.formats;

import org.nanum.dataimport.Cell;

/** Titles and descriptions within the catalogue's limits (120 and 5000 characters). */
final class Texts {
    private Texts() {
    }

    /**
     * A title from a name or a free text: its first line, shortened at a word to 120 characters
     * with an ellipsis. Sources without titles (time-bank listings) have only a text, and a title
     * is for finding a listing; the whole text stays the description.
     */
    static String title(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("").strip().replaceAll("\\s+", " ");
        if (first.length() <= CatalogueLimits.MAX_TITLE) {
            return first;
        }
        int cut = first.lastIndexOf(' ', CatalogueLimits.MAX_TITLE - 1);
        return first.substring(0, cut > CatalogueLimits.MAX_TITLE / 2 ? cut : CatalogueLimits.MAX_TITLE - 1).strip() + "…";
    }

    /** A description, which is never cut: too long is an error the source must fix. */
    static String description(Cell cell) {
        String text = cell.orNull();
        if (text != null && text.length() > CatalogueLimits.MAX_DESCRIPTION) {
            throw cell.fail("is " + text.length() + " characters long; Nanum keeps at most " + CatalogueLimits.MAX_DESCRIPTION);
        }
        return text;
    }
}
