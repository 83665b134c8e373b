package org.nanum.dataimport.formats;

import java.util.List;
import java.util.Locale;

/**
 * Whether a time bank's categories make a listing childcare: a category that mentions child care
 * or babysitting, in English, Korean or Spanish (TimeOverflow's time banks). Childcare listings are
 * a kind of their own in Nanum (household-owned, shown to signed-in residents only), so missing one
 * would publish it as an ordinary service.
 */
final class Childcare {
    private static final List<String> WORDS = List.of("child care", "childcare", "child-care", "babysit", "baby sit",
            "baby-sit", "아이 돌봄", "아이돌봄", "베이비시", "육아", "cuidado de niños", "canguro");

    private Childcare() {
    }

    static boolean mentionedIn(List<String> categories) {
        return categories.stream().map(c -> c.toLowerCase(Locale.ROOT)).anyMatch(c -> WORDS.stream().anyMatch(c::contains));
    }
}
