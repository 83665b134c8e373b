package org.nanum.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A resident's report about a target. Open until its case is decided; one open report per resident per target. */
@Entity
@Table(name = "report")
public class Report {
    public enum Status { OPEN, CLOSED }

    @Id
    private String id;
    @Column(name = "case_id", nullable = false)
    private String caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    private TargetType targetType;
    @Column(name = "target_id", nullable = false)
    private String targetId;
    @Column(name = "reporter_id", nullable = false)
    private String reporterId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;
    private String details;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "open_key")
    private String openKey;

    protected Report() {
    }

    public Report(String caseId, TargetType type, String targetId, String reporterId, Reason reason, String details,
                  Instant now) {
        this.id = UUID.randomUUID().toString();
        this.caseId = caseId;
        this.targetType = type;
        this.targetId = targetId;
        this.reporterId = reporterId;
        this.reason = reason;
        this.details = details;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.openKey = reporterId + ":" + type + ":" + targetId;
    }

    public void close(Instant now) {
        this.status = Status.CLOSED;
        this.closedAt = now;
        this.openKey = null;
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public TargetType targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String reporterId() {
        return reporterId;
    }

    public Reason reason() {
        return reason;
    }

    public String details() {
        return details;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
