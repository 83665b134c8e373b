package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident's consent, recorded by a staff member who is with them, to that staff member acting
 * for them until it expires or is ended. Never extended: a new visit, a new consent.
 */
@Entity
@Table(name = "assistance_consent")
public class AssistanceConsent {
    @Id
    private String id;
    @Column(name = "resident_id", nullable = false)
    private String residentId;
    @Column(name = "staff_id", nullable = false)
    private String staffId;
    @Column(nullable = false)
    private String reason;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected AssistanceConsent() {
    }

    public AssistanceConsent(String residentId, String staffId, String reason, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.residentId = residentId;
        this.staffId = staffId;
        this.reason = reason;
        this.grantedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean holdsAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String residentId() {
        return residentId;
    }

    public String staffId() {
        return staffId;
    }

    public String reason() {
        return reason;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
