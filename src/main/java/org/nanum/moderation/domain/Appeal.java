package org.nanum.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An appeal of a moderation decision by the resident it concerns, routed to the council. One per case. */
@Entity
@Table(name = "moderation_appeal")
public class Appeal {
    /** ROUTED: waiting for the council; UPHELD / OVERTURNED: the council's outcome. */
    public enum Status { ROUTED, UPHELD, OVERTURNED }

    @Id
    private String id;
    @Column(name = "case_id", nullable = false)
    private String caseId;
    @Column(name = "appellant_id", nullable = false)
    private String appellantId;
    @Column(nullable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Appeal() {
    }

    public Appeal(String caseId, String appellantId, String reason, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.caseId = caseId;
        this.appellantId = appellantId;
        this.reason = reason;
        this.status = Status.ROUTED;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public Status status() {
        return status;
    }

    public String appellantId() {
        return appellantId;
    }

    public String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** The council's outcome, once. */
    public void decide(boolean overturned, Instant now) {
        if (status != Status.ROUTED) {
            throw new IllegalStateException("appeal " + id + " was heard already");
        }
        status = overturned ? Status.OVERTURNED : Status.UPHELD;
        decidedAt = now;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
