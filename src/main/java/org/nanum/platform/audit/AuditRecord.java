package org.nanum.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One reviewable state change: who (a resident id, or the system), what, on which target, why.
 * Written in the same transaction as the change; never updated or deleted.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {
    public enum ActorKind { RESIDENT, STAFF, COUNCIL, ADMIN, SYSTEM }

    @Id
    private String id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_kind", nullable = false)
    private String actorKind;
    @Column(nullable = false)
    private String action;
    @Column(name = "target_type", nullable = false)
    private String targetType;
    @Column(name = "target_id", nullable = false)
    private String targetId;
    private String reason;
    /** The staff member who did this for the resident named as actor (assisted use), else null. */
    @Column(name = "on_behalf_by")
    private String onBehalfBy;

    protected AuditRecord() {
    }

    AuditRecord(String actorId, ActorKind actorKind, String action, String targetType, String targetId,
                String reason, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = at;
        this.actorId = actorId;
        this.actorKind = actorKind.name();
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.reason = reason;
    }

    public String id() {
        return id;
    }

    void doneBy(String staffResidentId) {
        this.onBehalfBy = staffResidentId;
    }

    public String onBehalfBy() {
        return onBehalfBy;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String actorKind() {
        return actorKind;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String reason() {
        return reason;
    }
}
