package org.nanum.lending.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nanum.catalogue.domain.ListingDetails.BookableHours;
import org.nanum.platform.rest.ProblemException;

/**
 * When a space can be booked: its weekly windows, in the city's time, cut into slots of its
 * length from each window's opening. A booking is whole slots inside one window; it holds the
 * quarter hours it covers.
 */
public final class SlotGrid {
    public static final Duration QUARTER = Duration.ofMinutes(15);

    private final int slotMinutes;
    private final List<BookableHours> windows;
    private final ZoneId zone;

    public SlotGrid(int slotMinutes, List<BookableHours> windows, ZoneId zone) {
        this.slotMinutes = slotMinutes;
        this.windows = List.copyOf(windows);
        this.zone = zone;
    }

    /** A slot of the grid. */
    public record Slot(Instant start, Instant end) {
    }

    /** Refuses a period that is not whole slots inside one bookable window (400, naming the field). */
    public void requireBookable(Instant start, Instant end) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        LocalDate day = s.toLocalDate();
        int from = minutes(s);
        int to;
        if (e.toLocalDate().equals(day)) {
            to = minutes(e);
        } else if (e.toLocalDate().equals(day.plusDays(1)) && e.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            to = 24 * 60;
        } else {
            throw new ProblemException.InvalidField("end", "a booking starts and ends on the same day");
        }
        if (s.getSecond() != 0 || s.getNano() != 0 || e.getSecond() != 0 || e.getNano() != 0) {
            throw new ProblemException.InvalidField("start", "whole minutes, on the slot grid");
        }
        for (BookableHours w : windows) {
            int open = BookableHours.minutesOf(w.from());
            int close = BookableHours.minutesOf(w.to());
            if (w.days().contains(day.getDayOfWeek()) && from >= open && to <= close) {
                if ((from - open) % slotMinutes != 0) {
                    throw new ProblemException.InvalidField("start", "slots start at " + w.from() + " and every "
                            + slotMinutes + " minutes after");
                }
                if ((to - from) % slotMinutes != 0) {
                    throw new ProblemException.InvalidField("end", "a booking is whole slots of " + slotMinutes + " minutes");
                }
                return;
            }
        }
        throw new ProblemException.InvalidField("start", "outside the bookable hours; on "
                + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " they are: " + describe(day));
    }

    private String describe(LocalDate day) {
        String hours = windows.stream().filter(w -> w.days().contains(day.getDayOfWeek()))
                .map(w -> w.from() + "–" + w.to()).collect(Collectors.joining(", "));
        return hours.isEmpty() ? "closed" : hours;
    }

    /** The slots of one day, in order. */
    public List<Slot> slotsOn(LocalDate day) {
        List<Slot> out = new ArrayList<>();
        for (BookableHours w : windows) {
            if (!w.days().contains(day.getDayOfWeek())) {
                continue;
            }
            int close = BookableHours.minutesOf(w.to());
            for (int m = BookableHours.minutesOf(w.from()); m + slotMinutes <= close; m += slotMinutes) {
                Instant start = day.atStartOfDay(zone).plusMinutes(m).toInstant();
                out.add(new Slot(start, start.plus(Duration.ofMinutes(slotMinutes))));
            }
        }
        out.sort((a, b) -> a.start().compareTo(b.start()));
        return out;
    }

    /** The quarter hours of a period (its start and end on quarter hours). */
    public static List<Instant> quarters(Instant start, Instant end) {
        List<Instant> out = new ArrayList<>();
        for (Instant q = start; q.isBefore(end); q = q.plus(QUARTER)) {
            out.add(q);
        }
        return out;
    }

    /** Whether an instant falls on a quarter hour of the city's clock. */
    public boolean onQuarter(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return z.getMinute() % 15 == 0 && z.getSecond() == 0 && z.getNano() == 0;
    }

    private static int minutes(ZonedDateTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
