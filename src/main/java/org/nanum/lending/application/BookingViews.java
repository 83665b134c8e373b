package org.nanum.lending.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.nanum.lending.domain.Booking;

/** What the booking API answers. */
public final class BookingViews {
    private BookingViews() {
    }

    /**
     * A booking. {@code bookerName} only for the space's manager; {@code note} and
     * {@code groupName} for the booker and the manager.
     */
    public record BookingView(String id, String spaceId, String spaceTitle, String purpose, Instant start, Instant end,
                              String status, String seriesId, String groupName, String note, String bookerName,
                              Instant cancelledAt, String cancelReason, boolean yours) {
        static BookingView of(Booking b, String spaceTitle, String bookerName, boolean yours) {
            return new BookingView(b.id(), b.listingId(), spaceTitle, b.purpose().name(), b.startsAt(), b.endsAt(),
                    b.status().name(), b.seriesId(), b.groupName(), b.note(), bookerName, b.cancelledAt(),
                    b.cancelReason(), yours);
        }
    }

    /** What a booking request did: the bookings made, and the dates skipped because they were taken. */
    public record Booked(List<BookingView> bookings, List<Instant> skipped) {
    }

    /** A slot of a day's grid, free or not (who took it is not shown). */
    public record SlotView(Instant start, Instant end, boolean free) {
    }

    /** One day of a space: its slots, or why it is closed. */
    public record SpaceDay(String spaceId, LocalDate date, List<SlotView> slots, String closedBecause) {
    }
}
