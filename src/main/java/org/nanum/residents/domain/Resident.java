package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who uses Nanum, known by their Keycloak subject.
 *
 * <p>Rules: created on first sign-in, with the name and email the token carries (refreshed when
 * they change in Keycloak); belongs to at most one household at a time; lives in one district of
 * the city, which they choose; their residency is verified by staff, never by themselves; the
 * time bank welcomes them once ever, when their residency is verified and they are in a household.
 */
@Entity
@Table(name = "resident")
public class Resident {
    @Id
    private String id;
    @Column(unique = true)
    private String subject;
    @Column(nullable = false)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    private String email;
    @Column(name = "district_code")
    private String districtCode;
    @Column(name = "household_id")
    private String householdId;
    @Column(name = "residency_verified_at")
    private Instant residencyVerifiedAt;
    @Column(name = "residency_verified_by")
    private String residencyVerifiedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "erased_at")
    private Instant erasedAt;
    @Column(name = "welcome_transfer_id")
    private String welcomeTransferId;
    @Version
    private long version;

    protected Resident() {
    }

    public Resident(String subject, String username, String displayName, String email, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.subject = subject;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = now;
    }

    /**
     * A member imported from another time bank (data-import): no Keycloak account yet. Their
     * first sign-in with the same verified email {@link #claim claims} this record.
     */
    public static Resident imported(String username, String displayName, String email, Instant now) {
        return new Resident(null, username, displayName, email, now);
    }

    /**
     * The person's erasure: nothing that says who they were stays. The row remains, because loans,
     * the ledger and the audit trail point to it; the subject stays too, so that a token issued
     * before the erasure cannot enrol them again (the Keycloak account itself is deleted).
     */
    public void erase(Instant now) {
        this.username = "erased:" + id;
        this.displayName = "Erased resident";
        this.email = null;
        this.districtCode = null;
        this.householdId = null;
        this.residencyVerifiedAt = null;
        this.residencyVerifiedBy = null;
        this.erasedAt = now;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Whether the person has signed in (an imported member has not, until they do). */
    public boolean isClaimed() {
        return subject != null;
    }

    /** The first sign-in of an imported member: from now on they are this Keycloak account. */
    public void claim(String subject, String username, String displayName, String email) {
        if (this.subject != null) {
            throw new IllegalStateException("already claimed");
        }
        this.subject = subject;
        refreshIdentity(username, displayName, email);
    }

    /** Keeps name and email as Keycloak has them; returns whether anything changed. */
    public boolean refreshIdentity(String username, String displayName, String email) {
        if (Objects.equals(this.username, username) && Objects.equals(this.displayName, displayName)
                && Objects.equals(this.email, email)) {
            return false;
        }
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        return true;
    }

    public void moveTo(District district) {
        this.districtCode = district.code();
    }

    public void joinHousehold(Household household) {
        this.householdId = household.id();
    }

    public void leaveHousehold() {
        this.householdId = null;
    }

    public void verifyResidency(Resident verifier, Instant now) {
        this.residencyVerifiedAt = now;
        this.residencyVerifiedBy = verifier.id();
    }

    /**
     * The time bank paid this resident's welcome grant (once ever: it stays when they leave a
     * household or are erased).
     */
    public void welcomed(String transferId) {
        if (welcomeTransferId != null) {
            throw new IllegalStateException("a resident is welcomed once");
        }
        this.welcomeTransferId = transferId;
    }

    public boolean isWelcomed() {
        return welcomeTransferId != null;
    }

    public String welcomeTransferId() {
        return welcomeTransferId;
    }

    public void withdrawResidencyVerification() {
        this.residencyVerifiedAt = null;
        this.residencyVerifiedBy = null;
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String districtCode() {
        return districtCode;
    }

    public String householdId() {
        return householdId;
    }

    public boolean isResidencyVerified() {
        return residencyVerifiedAt != null;
    }

    public Instant residencyVerifiedAt() {
        return residencyVerifiedAt;
    }

    public String residencyVerifiedBy() {
        return residencyVerifiedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
