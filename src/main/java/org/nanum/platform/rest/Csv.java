package org.nanum.platform.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV the server writes: RFC 4180 through Apache Commons CSV's printer (quotes, doubled
 * quotes, line breaks kept inside their cell), a UTF-8 byte order mark so that spreadsheets read
 * Korean and French right, and a guard against formulas: a text cell whose first character a
 * spreadsheet would read as the start of a formula ({@code = + - @}, tab, carriage return) gets a
 * leading apostrophe. Numbers are written as numbers (a negative balance stays a number).
 */
public final class Csv {
    /** The byte order mark, first in every file. */
    public static final String BOM = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private Csv() {
    }

    /** A whole file: the mark, the header, then each row; a null cell is empty. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::cell).toList());
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /** A cell as it is written: numbers as they are, text guarded against formulas. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return guard(value.toString());
    }

    /** A text cell a spreadsheet would take for a formula, made plain text with a leading apostrophe. */
    public static String guard(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
