package org.nanum.lending.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nanum.catalogue.domain.ListingDetails.BookableHours;
import org.nanum.platform.rest.ProblemException;

class SlotGridTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    private final SlotGrid hall = new SlotGrid(60, List.of(
            new BookableHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "09:00", "22:00"),
            new BookableHours(EnumSet.of(DayOfWeek.SATURDAY), "10:00", "16:00")), SEOUL);

    private static Instant at(LocalDate day, String hhmm) {
        return day.atTime(java.time.LocalTime.parse(hhmm)).atZone(SEOUL).toInstant();
    }

    private static String fieldOf(ProblemException e) {
        return e.errors().get(0).field();
    }

    @Test
    void whole_slots_inside_a_window_are_bookable() {
        assertDoesNotThrow(() -> hall.requireBookable(at(THURSDAY, "19:00"), at(THURSDAY, "21:00")));
        assertDoesNotThrow(() -> hall.requireBookable(at(THURSDAY, "09:00"), at(THURSDAY, "22:00")));
    }

    @Test
    void off_the_grid_outside_the_hours_or_across_midnight_is_refused_naming_the_field() {
        assertEquals("start", fieldOf(assertThrows(ProblemException.class,
                () -> hall.requireBookable(at(THURSDAY, "19:30"), at(THURSDAY, "20:30")))));
        assertEquals("end", fieldOf(assertThrows(ProblemException.class,
                () -> hall.requireBookable(at(THURSDAY, "19:00"), at(THURSDAY, "20:30")))));
        ProblemException late = assertThrows(ProblemException.class,
                () -> hall.requireBookable(at(THURSDAY, "21:00"), at(THURSDAY, "23:00")));
        assertTrue(late.getMessage().contains("09:00–22:00"), late.getMessage());
        ProblemException sunday = assertThrows(ProblemException.class,
                () -> hall.requireBookable(at(THURSDAY.plusDays(3), "10:00"), at(THURSDAY.plusDays(3), "11:00")));
        assertTrue(sunday.getMessage().contains("closed"), sunday.getMessage());
        assertEquals("end", fieldOf(assertThrows(ProblemException.class,
                () -> hall.requireBookable(at(THURSDAY, "21:00"), at(THURSDAY.plusDays(1), "01:00")))));
    }

    @Test
    void a_day_has_the_slots_of_its_windows() {
        List<SlotGrid.Slot> saturday = hall.slotsOn(THURSDAY.plusDays(2));
        assertEquals(6, saturday.size());
        assertEquals(at(THURSDAY.plusDays(2), "10:00"), saturday.get(0).start());
        assertEquals(at(THURSDAY.plusDays(2), "16:00"), saturday.get(5).end());
        assertEquals(13, hall.slotsOn(THURSDAY).size());
        assertEquals(List.of(), hall.slotsOn(THURSDAY.plusDays(3)));
    }

    @Test
    void a_slot_that_does_not_fit_before_closing_is_not_offered() {
        SlotGrid twoHours = new SlotGrid(120, List.of(new BookableHours(EnumSet.allOf(DayOfWeek.class), "10:00", "21:00")), SEOUL);
        List<SlotGrid.Slot> slots = twoHours.slotsOn(THURSDAY);
        assertEquals(5, slots.size());
        assertEquals(at(THURSDAY, "20:00"), slots.get(4).end());
    }

    @Test
    void a_period_holds_its_quarter_hours() {
        List<Instant> q = SlotGrid.quarters(at(THURSDAY, "19:00"), at(THURSDAY, "20:00"));
        assertEquals(List.of(at(THURSDAY, "19:00"), at(THURSDAY, "19:15"), at(THURSDAY, "19:30"), at(THURSDAY, "19:45")), q);
        assertTrue(hall.onQuarter(at(THURSDAY, "19:45")));
    }
}
