package org.nanum.lending.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;

class ICalendarTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void a_feed_parses_back_with_its_events_text_and_long_korean_lines_intact() throws Exception {
        String longTitle = "마포 공유 회의실 (망원동 주민센터), 합창단 연습; 피아노 사용 — " + ("아주 긴 제목 ".repeat(8)).strip();
        String ics = new ICalendar("Nanum: ana", NOW)
                .event("booking-1@nanum", Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T12:00:00Z"),
                        longTitle, "Line one\nline two", "Mapo", false)
                .allDay("loan-1@nanum", LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7), "Loan: drill", null,
                        null, false)
                .end();

        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        assertEquals(longTitle, events.get(0).getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("Line one\nline two", events.get(0).getProperty(Property.DESCRIPTION).orElseThrow().getValue());
        assertEquals("20261203T100000Z", events.get(0).getProperty(Property.DTSTART).orElseThrow().getValue());
        // An all-day event ends the day after its last day (RFC 5545 §3.6.1).
        assertEquals("20261208", events.get(1).getProperty(Property.DTEND).orElseThrow().getValue());
    }
}
