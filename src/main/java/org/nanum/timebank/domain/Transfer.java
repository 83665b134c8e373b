package org.nanum.timebank.domain;

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
 * Minutes moved from one account to another. Its parties and amount never change; a correction
 * is a {@link Kind#REVERSAL} that points to the original. A two-phase transfer is PENDING (the
 * minutes held) until it is POSTED (possibly for an agreed different duration) or VOIDED, once.
 */
@Entity
@Table(name = "tb_transfer")
public class Transfer {
    public enum Kind {
        /** The city's welcome grant to a new household account. */
        WELCOME,
        /** A household pays another account (a favour, a service, a gift to the pot). */
        PAYMENT,
        /** Staff grant minutes from the community pot. */
        GRANT,
        /** The time of a childcare or service session. */
        SESSION,
        /** Undoes a posted transfer. */
        REVERSAL,
        /** Time given in another time bank's software, imported with its original date (data-import). */
        IMPORTED,
        /** Brings an imported member's balance to what their time bank says, where its history is partial. */
        OPENING,
        /** Staff write a household's debt off to the community pot, with a reason on the public record. */
        WRITE_OFF,
        /** A dissolved household's balance moved to where its last member lives now, or to the pot (LedgerRepair). */
        CARRIED
    }

    public enum Status { PENDING, POSTED, VOIDED }

    @Id
    private String id;
    @Column(name = "from_account", nullable = false)
    private String fromAccount;
    @Column(name = "to_account", nullable = false)
    private String toAccount;
    @Column(nullable = false)
    private int minutes;
    @Column(name = "posted_minutes")
    private Integer postedMinutes;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String reverses;
    @Column(name = "session_id")
    private String sessionId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Version
    private long version;

    protected Transfer() {
    }

    /** {@code id}: chosen by the caller (an idempotent request knows it before the transfer is made), or null. */
    public Transfer(String id, String fromAccount, String toAccount, int minutes, Kind kind, boolean pending,
                    String reverses, String sessionId, Instant now) {
        this.id = id != null ? id : UUID.randomUUID().toString();
        this.fromAccount = fromAccount;
        this.toAccount = toAccount;
        this.minutes = minutes;
        this.kind = kind;
        this.status = pending ? Status.PENDING : Status.POSTED;
        this.postedMinutes = pending ? null : minutes;
        this.reverses = reverses;
        this.sessionId = sessionId;
        this.createdAt = now;
        this.settledAt = pending ? null : now;
    }

    public void post(int finalMinutes, Instant now) {
        this.status = Status.POSTED;
        this.postedMinutes = finalMinutes;
        this.settledAt = now;
    }

    public void voidIt(Instant now) {
        this.status = Status.VOIDED;
        this.settledAt = now;
    }

    public String id() {
        return id;
    }

    public String fromAccount() {
        return fromAccount;
    }

    public String toAccount() {
        return toAccount;
    }

    public int minutes() {
        return minutes;
    }

    /** What moved: the posted minutes, or null while pending or when voided. */
    public Integer postedMinutes() {
        return postedMinutes;
    }

    public Kind kind() {
        return kind;
    }

    public Status status() {
        return status;
    }

    public String reverses() {
        return reverses;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant settledAt() {
        return settledAt;
    }
}
