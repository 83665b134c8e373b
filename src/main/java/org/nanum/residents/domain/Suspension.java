package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A resident suspended by moderation from a moment to another, unless lifted earlier. */
@Entity
@Table(name = "resident_suspension")
public class Suspension {
    @Id
    private String id;
    @Column(name = "resident_id", nullable = false)
    private String residentId;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "decided_by", nullable = false)
    private String decidedBy;
    /** The moderation case that decided it (an opaque reference). */
    @Column(name = "case_ref", nullable = false)
    private String caseRef;
    @Column(name = "lifted_at")
    private Instant liftedAt;
    @Column(name = "lifted_by")
    private String liftedBy;
    @Version
    private long version;

    protected Suspension() {
    }

    public Suspension(String residentId, Instant from, Instant until, String decidedBy, String caseRef) {
        this.caseRef = caseRef;
        this.id = UUID.randomUUID().toString();
        this.residentId = residentId;
        this.startsAt = from;
        this.endsAt = until;
        this.decidedBy = decidedBy;
    }

    public boolean inForce(Instant now) {
        return liftedAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public void lift(String by, Instant now) {
        this.liftedAt = now;
        this.liftedBy = by;
    }

    public String id() {
        return id;
    }

    public String residentId() {
        return residentId;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String caseRef() {
        return caseRef;
    }

    public Instant liftedAt() {
        return liftedAt;
    }
}
