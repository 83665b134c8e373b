package org.nanum.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the public record: what kind of action, on what kind of target, why (a category),
 * when, and by whom as a role and a pseudonym. Never a resident's identity, a target's id beyond
 * its case, or a report's text. Never changed: a correction is a new entry.
 */
@Entity
@Table(name = "transparency_entry")
public class TransparencyEntry {
    public enum Action { REPORTED, AUTO_HIDDEN, DISMISSED, HIDDEN, RESTORED, WARNED, SUSPENDED, SUSPENSION_LIFTED,
        SUSPENSION_ENDED, EDIT_REQUESTED, APPEALED, APPEAL_UPHELD, APPEAL_OVERTURNED,
        /** Staff's time-bank powers (platform PublicRecord): minutes granted from the pot, a transfer reversed, a debt written off. */
        GRANTED, REVERSED, WRITTEN_OFF,
        /** Imports a second person approved or rejected (minutes they bring into circulation, an email they change). */
        IMPORT_APPROVED, IMPORT_REJECTED,
        /** What the platform settled by itself (households dissolved before decision 0008). */
        SETTLED }

    @Id
    private String id;
    @Column(nullable = false)
    private Instant at;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false)
    private TargetType targetType;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason_category", nullable = false)
    private Reason reasonCategory;
    @Column(name = "actor_role", nullable = false)
    private String actorRole;
    @Column(name = "actor_pseudonym", nullable = false)
    private String actorPseudonym;
    @Column(nullable = false)
    private boolean automatic;
    @Column(name = "case_id", nullable = false)
    private String caseId;
    private String corrects;

    protected TransparencyEntry() {
    }

    public TransparencyEntry(Action action, TargetType type, Reason reason, String role, String pseudonym,
                             boolean automatic, String caseId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.at = now;
        this.action = action;
        this.targetType = type;
        this.reasonCategory = reason;
        this.actorRole = role;
        this.actorPseudonym = pseudonym;
        this.automatic = automatic;
        this.caseId = caseId;
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public Action action() {
        return action;
    }

    public TargetType targetType() {
        return targetType;
    }

    public Reason reasonCategory() {
        return reasonCategory;
    }

    public String actorRole() {
        return actorRole;
    }

    public String actorPseudonym() {
        return actorPseudonym;
    }

    public boolean automatic() {
        return automatic;
    }

    public String caseId() {
        return caseId;
    }

    public String corrects() {
        return corrects;
    }
}
