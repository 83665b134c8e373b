package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A council's hearing of one appeal: its outcome, the reason, who heard it, for which council. */
@Entity
@Table(name = "council_hearing")
public class Hearing {
    public enum Kind { MODERATION, DEPOSIT }

    public enum Outcome { UPHELD, OVERTURNED }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_kind", nullable = false)
    private Kind kind;
    @Column(name = "appeal_id", nullable = false)
    private String appealId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Column(nullable = false)
    private String reason;
    @Column(name = "heard_by", nullable = false)
    private String heardBy;
    @Column(name = "council_id", nullable = false)
    private String councilId;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Hearing() {
    }

    public Hearing(Kind kind, String appealId, Outcome outcome, String reason, String heardBy, String councilId,
                   Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.appealId = appealId;
        this.outcome = outcome;
        this.reason = reason;
        this.heardBy = heardBy;
        this.councilId = councilId;
        this.decidedAt = now;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public String councilId() {
        return councilId;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
