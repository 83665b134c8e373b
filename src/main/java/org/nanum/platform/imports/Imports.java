package org.nanum.platform.imports;

import java.util.Map;
import java.util.regex.Pattern;

/** The checks every import shares: ids, texts and numbers within Nanum's limits, or the record is refused. */
public final class Imports {
    /** A source's name: what `--source` says, or the format's name. */
    public static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t\\r]]");

    private Imports() {
    }

    public static String externalId(String id) {
        if (id == null || id.isBlank()) {
            throw new RecordRejected("externalId", "every record needs its source's id");
        }
        if (id.length() > 200) {
            throw new RecordRejected("externalId", "at most 200 characters");
        }
        if (CONTROL.matcher(id).find() || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\t') >= 0) {
            throw new RecordRejected("externalId", "no control characters");
        }
        return id.strip();
    }

    /** A text stripped of surrounding blanks; null when absent and not required. */
    public static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new RecordRejected(field, "is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new RecordRejected(field, "at most " + max + " characters");
        }
        if (CONTROL.matcher(v).find()) {
            throw new RecordRejected(field, "no control characters");
        }
        return v;
    }

    public static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new RecordRejected(field, "between " + min + " and " + max);
        }
    }

    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1900-01-01T00:00:00Z");

    /** A source's date: from 1900 to a day from now (clocks differ), or the record is refused. */
    public static java.time.Instant date(String field, java.time.Instant value) {
        if (value != null && (value.isBefore(EARLIEST)
                || value.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1))))) {
            throw new RecordRejected(field, "between 1900 and today");
        }
        return value;
    }

    /** What Nanum has no field for is not stored, but it must stay a small map of short texts. */
    public static void extra(Map<String, String> extra) {
        if (extra == null) {
            return;
        }
        if (extra.size() > 50) {
            throw new RecordRejected("extra", "at most 50 entries");
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (e.getKey() == null || e.getKey().length() > 100 || (e.getValue() != null && e.getValue().length() > 5000)) {
                throw new RecordRejected("extra", "keys of at most 100 characters, values of at most 5000");
            }
        }
    }

    /** For messages: a value cut to {@code max} characters. */
    public static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
