package org.nanum.lending.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar document (RFC 5545): CRLF line ends, text escaped (§3.3.11), lines folded
 * at 75 octets without cutting a UTF-8 character (§3.1). Times in UTC; whole days as DATE values.
 */
public final class ICalendar {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final StringBuilder out = new StringBuilder();
    private final Instant stamp;

    public ICalendar(String name, Instant stamp) {
        this.stamp = stamp;
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Nanum//Sharing city//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
    }

    /** An event between two instants. */
    public ICalendar event(String uid, Instant start, Instant end, String summary, String description, String location,
                           boolean cancelled) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(end));
        rest(summary, description, location, cancelled);
        return this;
    }

    /** An event over whole days, first to last inclusive. */
    public ICalendar allDay(String uid, LocalDate first, LocalDate last, String summary, String description,
                            String location, boolean cancelled) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART;VALUE=DATE:" + DATE.format(first));
        line("DTEND;VALUE=DATE:" + DATE.format(last.plusDays(1)));
        rest(summary, description, location, cancelled);
        return this;
    }

    private void rest(String summary, String description, String location, boolean cancelled) {
        line("SUMMARY:" + text(summary));
        if (description != null) {
            line("DESCRIPTION:" + text(description));
        }
        if (location != null) {
            line("LOCATION:" + text(location));
        }
        line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line("END:VEVENT");
    }

    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets. */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
