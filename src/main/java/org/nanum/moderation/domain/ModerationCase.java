package org.nanum.moderation.domain;

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
 * The open reports about one target, as one item of the staff queue. Urgency orders the queue
 * (lower first): 0 for childcare or safety, 1 for the rest; then the number of reports and age.
 */
@Entity
@Table(name = "moderation_case")
public class ModerationCase {
    public enum Status { OPEN, CLOSED }

    /**
     * What staff decided. HIDE and RESTORE concern listings and photos; WARN and SUSPEND the resident
     * the case is about (a resident, the owner of a listing or photo, the author of a message or reference).
     */
    public enum Decision { DISMISS, HIDE, RESTORE, WARN, SUSPEND, EDIT_REQUEST }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    private TargetType targetType;
    @Column(name = "target_id", nullable = false)
    private String targetId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int urgency;
    @Column(nullable = false)
    private int reports;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    @Enumerated(EnumType.STRING)
    @Column(name = "decision_category")
    private Reason decisionCategory;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "subject_resident")
    private String subjectResident;
    @Column(name = "subject_household")
    private String subjectHousehold;
    @Column(name = "open_key")
    private String openKey;
    @Version
    private long version;

    protected ModerationCase() {
    }

    public ModerationCase(TargetType type, String targetId, boolean urgent, String subjectResident,
                          String subjectHousehold, Instant now) {
        this.subjectResident = subjectResident;
        this.subjectHousehold = subjectHousehold;
        this.id = UUID.randomUUID().toString();
        this.targetType = type;
        this.targetId = targetId;
        this.status = Status.OPEN;
        this.urgency = urgent ? 0 : 1;
        this.openedAt = now;
        this.openKey = key(type, targetId);
    }

    public static String key(TargetType type, String targetId) {
        return type + ":" + targetId;
    }

    public void reported(boolean urgent) {
        reports++;
        if (urgent) {
            urgency = 0;
        }
    }

    public void claim(String staff, Instant now) {
        requireOpen();
        this.claimedBy = staff;
        this.claimedAt = now;
    }

    public void close(Decision d, Reason category, String reason, String staff, Instant now) {
        requireOpen();
        this.decision = d;
        this.decisionCategory = category;
        this.decisionReason = reason;
        this.decidedBy = staff;
        this.status = Status.CLOSED;
        this.closedAt = now;
        this.openKey = null;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new ModerationProblems.CaseClosedException();
        }
    }

    public String id() {
        return id;
    }

    public TargetType targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public Status status() {
        return status;
    }

    public int urgency() {
        return urgency;
    }

    public int reports() {
        return reports;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Decision decision() {
        return decision;
    }

    public Reason decisionCategory() {
        return decisionCategory;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String subjectResident() {
        return subjectResident;
    }

    public String subjectHousehold() {
        return subjectHousehold;
    }

    public String decidedBy() {
        return decidedBy;
    }

    /** Whether the case concerns this resident (theirs, or their household's). */
    public boolean concerns(String residentId, String householdId) {
        return residentId.equals(subjectResident) || (householdId != null && householdId.equals(subjectHousehold));
    }
}
