package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A resident's place in an item's queue: WAITING, then OFFERED when the item is back and it is
 * their turn, then TAKEN (a loan), EXPIRED (the offer passed) or CANCELLED (they left the queue).
 */
@Entity
@Table(name = "hold")
public class Hold {
    public enum Status {
        WAITING, OFFERED, TAKEN, EXPIRED, CANCELLED;

        public static final Set<Status> IN_LINE = EnumSet.of(WAITING, OFFERED);
    }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "resident_id", nullable = false)
    private String residentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;
    @Column(name = "offered_at")
    private Instant offeredAt;
    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "loan_id")
    private String loanId;
    @Version
    private long version;

    protected Hold() {
    }

    public Hold(String listingId, String residentId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.residentId = residentId;
        this.status = Status.WAITING;
        this.joinedAt = now;
    }

    public void offer(Instant now, Duration toTake) {
        requireIn(Status.WAITING);
        status = Status.OFFERED;
        offeredAt = now;
        offerExpiresAt = now.plus(toTake);
    }

    public void take(String loanId, Instant now) {
        requireIn(Status.OFFERED);
        if (now.isAfter(offerExpiresAt)) {
            throw new LendingProblems.HoldTransitionException("the offer ran out at " + offerExpiresAt);
        }
        status = Status.TAKEN;
        this.loanId = loanId;
        endedAt = now;
    }

    public void expire(Instant now) {
        requireIn(Status.OFFERED);
        status = Status.EXPIRED;
        endedAt = now;
    }

    public void cancel(Instant now) {
        if (!Status.IN_LINE.contains(status)) {
            throw new LendingProblems.HoldTransitionException("it is " + status);
        }
        status = Status.CANCELLED;
        endedAt = now;
    }

    private void requireIn(Status expected) {
        if (status != expected) {
            throw new LendingProblems.HoldTransitionException("it is " + status + ", not " + expected);
        }
    }

    public String id() {
        return id;
    }

    public String listingId() {
        return listingId;
    }

    public String residentId() {
        return residentId;
    }

    public Status status() {
        return status;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public String loanId() {
        return loanId;
    }
}
