package org.nanum.dataimport.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanum.dataimport.Cell;

/**
 * Dates and times as real exports write them: ISO 8601 ({@code 2019-01-22T10:14:55Z}), database
 * style with or without a zone ({@code 2019-01-22 10:14:55}, {@code ... +0100}, {@code ... UTC}),
 * year first with '/' or '.' ({@code 2019.01.22}, common in Korea), and day and month with '/'
 * ({@code 22/01/2019}, {@code 01/22/2019}) only when the numbers leave no doubt: {@code 03/04/2019}
 * is an error, because guessing April or March would silently misdate. A time without a zone is
 * in the source's zone; a date alone is the start of its day there.
 */
final class SourceDates {
    private static final String TIME = "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?";
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})\\.?" + TIME + "\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME);
    private static final String KNOWN = "write it as 2019-01-22 or 2019-01-22 14:30:00";

    private SourceDates() {
    }

    /** The instant a cell names, or null when it is empty. */
    static Instant instant(Cell cell, ZoneId zone) {
        String text = cell.orNull();
        if (text == null) {
            return null;
        }
        try {
            Matcher m = YEAR_FIRST.matcher(text);
            if (m.matches()) {
                LocalDateTime local = LocalDate.of(number(m, 1), number(m, 3), number(m, 4)).atTime(time(m, 5));
                ZoneId in = m.group(9) == null ? zone : zoneOf(m.group(9));
                return local.atZone(in).toInstant();
            }
            m = YEAR_LAST.matcher(text);
            if (m.matches()) {
                return dayAndMonth(cell, text, number(m, 1), number(m, 2), number(m, 3)).atTime(time(m, 4))
                        .atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {
            throw cell.fail("\"" + text + "\" is not a real date or time (" + e.getMessage() + ")");
        }
        throw cell.fail("\"" + text + "\" is not a date in a format this import knows; " + KNOWN);
    }

    private static LocalDate dayAndMonth(Cell cell, String text, int first, int second, int year) {
        if (first > 12 && second <= 12) {
            return LocalDate.of(year, second, first);
        }
        if (second > 12 && first <= 12) {
            return LocalDate.of(year, first, second);
        }
        if (first == second) {
            return LocalDate.of(year, first, first);
        }
        if (first > 12) {
            throw cell.fail("\"" + text + "\" has no month; " + KNOWN);
        }
        throw cell.fail("\"" + text + "\" could be day/month or month/day; " + KNOWN);
    }

    private static LocalTime time(Matcher m, int hourGroup) {
        if (m.group(hourGroup) == null) {
            return LocalTime.MIDNIGHT;
        }
        int seconds = m.group(hourGroup + 2) == null ? 0 : number(m, hourGroup + 2);
        String fraction = m.group(hourGroup + 3) == null ? "0" : (m.group(hourGroup + 3) + "00000000").substring(0, 9);
        return LocalTime.of(number(m, hourGroup), number(m, hourGroup + 1), seconds, Integer.parseInt(fraction));
    }

    private static ZoneId zoneOf(String text) {
        if (text.equals("Z") || text.equals("UTC") || text.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.of(text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
