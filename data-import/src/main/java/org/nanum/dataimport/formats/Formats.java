package org.nanum.dataimport.formats;

import org.nanum.dataimport.ReadOptions;

/** What readers check about their options before reading anything. */
final class Formats {

    private Formats() {
    }

    static ReadOptions requireMapping(String format, ReadOptions options) {
        if (options.mapping() == null) {
            throw new IllegalArgumentException(format + " needs a category mapping (mappings/" + format + ".tsv)");
        }
        return options;
    }

    /** Amounts are never assumed to be won: a format with prices needs to be told their currency. */
    static ReadOptions requireCurrency(String format, ReadOptions options) {
        if (options.currency() == null) {
            throw new IllegalArgumentException(format + " has amounts: say which currency they are in (--currency KRW, USD...)");
        }
        return requireMapping(format, options);
    }
}
