package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A resident's erasure: who asked (the resident, or staff on their behalf with the reason), when,
 * and where the deletion of their Keycloak account stands.
 */
@Entity
@Table(name = "erasure")
public class Erasure {
    /** DELETED; PENDING while Keycloak cannot be reached (retried); NOT_CONFIGURED: staff delete it by hand. */
    public enum KeycloakStatus { DELETED, PENDING, NOT_CONFIGURED }

    @Id
    @Column(name = "resident_id")
    private String residentId;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "on_behalf", nullable = false)
    private boolean onBehalf;
    private String reason;
    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;
    @Column(name = "keycloak_subject")
    private String keycloakSubject;
    @Enumerated(EnumType.STRING)
    @Column(name = "keycloak_status", nullable = false)
    private KeycloakStatus keycloakStatus;
    @Column(name = "keycloak_attempts", nullable = false)
    private int keycloakAttempts;
    @Column(name = "keycloak_done_at")
    private Instant keycloakDoneAt;
    @Version
    private long version;

    protected Erasure() {
    }

    public Erasure(String residentId, String requestedBy, boolean onBehalf, String reason, String keycloakSubject,
                   boolean keycloakConfigured, Instant now) {
        this.residentId = residentId;
        this.requestedBy = requestedBy;
        this.onBehalf = onBehalf;
        this.reason = reason;
        this.erasedAt = now;
        this.keycloakSubject = keycloakSubject;
        this.keycloakStatus = keycloakSubject == null ? KeycloakStatus.DELETED
                : keycloakConfigured ? KeycloakStatus.PENDING : KeycloakStatus.NOT_CONFIGURED;
    }

    /** One attempt at deleting the Keycloak account; the subject is forgotten once it is gone. */
    public void keycloakAttempt(boolean deleted, Instant now) {
        keycloakAttempts++;
        if (deleted) {
            keycloakStatus = KeycloakStatus.DELETED;
            keycloakSubject = null;
            keycloakDoneAt = now;
        }
    }

    public String residentId() {
        return residentId;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public String keycloakSubject() {
        return keycloakSubject;
    }

    public KeycloakStatus keycloakStatus() {
        return keycloakStatus;
    }

    public boolean onBehalf() {
        return onBehalf;
    }
}
