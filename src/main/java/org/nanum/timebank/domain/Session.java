package org.nanum.timebank.domain;

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
 * A session of childcare (a sitter minds a family's children) or of a service between two
 * households. The provider household gives the time and earns it; the receiver household pays.
 *
 * <p>PROPOSED (a provider answered a request) → SCHEDULED (the receiver accepted, or took an
 * offer; the minutes are held) → POSTED when both sides confirm the same duration. From PROPOSED:
 * DECLINED or CANCELLED. From SCHEDULED: CANCELLED before it starts, DISPUTED (staff settle it:
 * POSTED or VOIDED), or NO_SHOW_CLAIMED: one side says the other did not come, which is a claim,
 * not a verdict. The side said to be absent confirms it (NO_SHOW, the hold is voided) or disputes
 * it (DISPUTED) before {@code answerBy}; unanswered by then, the claim stands (NO_SHOW).
 */
@Entity
@Table(name = "tb_session")
public class Session {
    public enum Kind { CHILDCARE, SERVICE }

    public enum Status {
        PROPOSED, SCHEDULED, DECLINED, CANCELLED, POSTED, NO_SHOW_CLAIMED, NO_SHOW, DISPUTED, VOIDED;

        /** Statuses in which the provider's time is taken. */
        public static final Set<Status> TAKING_TIME = EnumSet.of(PROPOSED, SCHEDULED, NO_SHOW_CLAIMED, DISPUTED, POSTED);
        /** Statuses not settled yet: something is still to be done by one side or by staff. */
        public static final Set<Status> OPEN = EnumSet.of(PROPOSED, SCHEDULED, NO_SHOW_CLAIMED, DISPUTED);
        /** Statuses after which nothing more happens. */
        public static final Set<Status> FINAL = EnumSet.of(DECLINED, CANCELLED, POSTED, NO_SHOW, VOIDED);
    }

    public enum Side { PROVIDER, RECEIVER }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "provider_household", nullable = false)
    private String providerHousehold;
    @Column(name = "provider_resident", nullable = false)
    private String providerResident;
    @Column(name = "receiver_household", nullable = false)
    private String receiverHousehold;
    @Column(name = "receiver_resident", nullable = false)
    private String receiverResident;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(nullable = false)
    private int minutes;
    private Integer children;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "transfer_id")
    private String transferId;
    @Column(name = "provider_minutes")
    private Integer providerMinutes;
    @Column(name = "receiver_minutes")
    private Integer receiverMinutes;
    @Enumerated(EnumType.STRING)
    @Column(name = "no_show")
    private Side noShow;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "dispute_reason")
    private String disputeReason;
    @Column(name = "settled_by")
    private String settledBy;
    @Column(name = "settle_reason")
    private String settleReason;
    @Column(name = "answer_by")
    private Instant answerBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Session() {
    }

    public Session(Kind kind, String listingId, String providerHousehold, String providerResident,
                   String receiverHousehold, String receiverResident, Instant startsAt, Instant endsAt,
                   Integer children, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.listingId = listingId;
        this.providerHousehold = providerHousehold;
        this.providerResident = providerResident;
        this.receiverHousehold = receiverHousehold;
        this.receiverResident = receiverResident;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.minutes = (int) Duration.between(startsAt, endsAt).toMinutes();
        this.children = children;
        this.status = Status.PROPOSED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The minutes are held: the session is on. */
    public void schedule(String holdTransferId, Instant now) {
        require(Status.PROPOSED);
        this.transferId = holdTransferId;
        move(Status.SCHEDULED, now);
    }

    public void decline(Instant now) {
        require(Status.PROPOSED);
        move(Status.DECLINED, now);
    }

    public void cancel(Instant now) {
        require(Status.PROPOSED, Status.SCHEDULED);
        move(Status.CANCELLED, now);
    }

    /**
     * One side confirms the time given; returns the agreed minutes once both sides said the same,
     * else null (waiting for the other side, who may agree to the new duration or dispute it).
     */
    public Integer confirm(Side side, int confirmedMinutes, Instant now) {
        require(Status.SCHEDULED);
        if (side == Side.PROVIDER) {
            providerMinutes = confirmedMinutes;
        } else {
            receiverMinutes = confirmedMinutes;
        }
        updatedAt = now;
        return providerMinutes != null && providerMinutes.equals(receiverMinutes) ? providerMinutes : null;
    }

    public void posted(Instant now) {
        require(Status.SCHEDULED, Status.DISPUTED);
        move(Status.POSTED, now);
    }

    /**
     * Called off because a household that was in it is gone (dissolved before decision 0008): from
     * any status not settled, with the reason on the session.
     */
    public void withdraw(String reason, Instant now) {
        require(Status.PROPOSED, Status.SCHEDULED, Status.NO_SHOW_CLAIMED, Status.DISPUTED);
        this.settleReason = reason;
        move(Status.CANCELLED, now);
    }

    /** One side says the other did not come: the other side has until {@code answerBy} to confirm or dispute it. */
    public void claimNoShow(Side absent, String reporter, Instant answerBy, Instant now) {
        require(Status.SCHEDULED);
        this.noShow = absent;
        this.reportedBy = reporter;
        this.answerBy = answerBy;
        move(Status.NO_SHOW_CLAIMED, now);
    }

    /** The claim stands: the absent side confirmed it, or did not answer in time. */
    public void noShowStands(Instant now) {
        require(Status.NO_SHOW_CLAIMED);
        move(Status.NO_SHOW, now);
    }

    public void dispute(String reporter, String reason, Instant now) {
        require(Status.SCHEDULED, Status.NO_SHOW_CLAIMED);
        this.reportedBy = reporter;
        this.disputeReason = reason;
        move(Status.DISPUTED, now);
    }

    /** Staff's decision on a dispute: posted for {@code minutes}, or voided (minutes null). */
    public void settle(String staff, Integer minutes, String reason, Instant now) {
        require(Status.DISPUTED);
        this.settledBy = staff;
        this.settleReason = reason;
        move(minutes == null ? Status.VOIDED : Status.POSTED, now);
    }

    private void require(Status... allowed) {
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new TimebankProblems.SessionTransitionException(status, allowed);
    }

    private void move(Status to, Instant now) {
        this.status = to;
        this.updatedAt = now;
    }

    /** The side the resident's household is on, or null when it is on neither. */
    public Side sideOf(String householdId) {
        if (providerHousehold.equals(householdId)) {
            return Side.PROVIDER;
        }
        return receiverHousehold.equals(householdId) ? Side.RECEIVER : null;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String listingId() {
        return listingId;
    }

    public String providerHousehold() {
        return providerHousehold;
    }

    public String providerResident() {
        return providerResident;
    }

    public String receiverHousehold() {
        return receiverHousehold;
    }

    public String receiverResident() {
        return receiverResident;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int minutes() {
        return minutes;
    }

    public Integer children() {
        return children;
    }

    public Status status() {
        return status;
    }

    public String transferId() {
        return transferId;
    }

    public Integer providerMinutes() {
        return providerMinutes;
    }

    public Integer receiverMinutes() {
        return receiverMinutes;
    }

    public Side noShowSide() {
        return noShow;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public String disputeReason() {
        return disputeReason;
    }

    public String settledBy() {
        return settledBy;
    }

    public String settleReason() {
        return settleReason;
    }

    /** Until when the side said to be absent may answer a no-show claim (null when there is none). */
    public Instant answerBy() {
        return answerBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
