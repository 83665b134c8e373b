package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One quarter hour of a space, held by a confirmed booking. Its key is the rule: taken once. */
@Entity
@Table(name = "booking_slot")
@IdClass(BookingSlot.Key.class)
public class BookingSlot {
    @Id
    @Column(name = "listing_id")
    private String listingId;
    @Id
    @Column(name = "slot_start")
    private Instant slotStart;
    @Column(name = "booking_id", nullable = false)
    private String bookingId;

    protected BookingSlot() {
    }

    public BookingSlot(String listingId, Instant slotStart, String bookingId) {
        this.listingId = listingId;
        this.slotStart = slotStart;
        this.bookingId = bookingId;
    }

    public String listingId() {
        return listingId;
    }

    public Instant slotStart() {
        return slotStart;
    }

    public String bookingId() {
        return bookingId;
    }

    /** The key: a space and a quarter hour. */
    public static class Key implements Serializable {
        private String listingId;
        private Instant slotStart;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.listingId, listingId) && Objects.equals(k.slotStart, slotStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listingId, slotStart);
        }
    }
}
