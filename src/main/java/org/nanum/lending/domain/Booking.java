package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A space taken for a period: by a resident (BOOKING) or closed by its staff or owner (BLOCK:
 * repairs, city events). Confirmed bookings hold their quarter hours in {@link BookingSlot}s.
 */
@Entity
@Table(name = "booking")
public class Booking {
    public enum Purpose { BOOKING, BLOCK }

    public enum Status { CONFIRMED, CANCELLED }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "booker_id", nullable = false)
    private String bookerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Column(name = "group_name")
    private String groupName;
    private String note;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "series_id")
    private String seriesId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Version
    private long version;

    protected Booking() {
    }

    public Booking(String listingId, String bookerId, Purpose purpose, String groupName, String note, Instant startsAt,
                   Instant endsAt, String seriesId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.bookerId = bookerId;
        this.purpose = purpose;
        this.groupName = groupName;
        this.note = note;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.seriesId = seriesId;
        this.status = Status.CONFIRMED;
        this.createdAt = now;
    }

    public void cancel(String byResidentId, String reason, Instant now) {
        if (status != Status.CONFIRMED) {
            throw new LendingProblems.NotCancellableException("it is already cancelled");
        }
        if (!now.isBefore(endsAt)) {
            throw new LendingProblems.NotCancellableException("it is over");
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        cancelledBy = byResidentId;
        cancelReason = reason;
    }

    public String id() {
        return id;
    }

    public String listingId() {
        return listingId;
    }

    public String bookerId() {
        return bookerId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String groupName() {
        return groupName;
    }

    public String note() {
        return note;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String seriesId() {
        return seriesId;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
