package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The people who live together and share one time-bank account (a resident living alone is a
 * household of one once they start it).
 *
 * <p>Rules: a member may issue an invitation code, which replaces any earlier one and is valid
 * for a limited time; anyone holding a valid code may join while the household exists; a
 * household whose last member leaves is dissolved and can no longer be joined. Codes are drawn
 * from an alphabet without look-alike characters (no 0/O, 1/I/L) so that they can be read aloud.
 */
@Entity
@Table(name = "household")
public class Household {
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "invitation_code")
    private String invitationCode;
    @Column(name = "invitation_expires_at")
    private Instant invitationExpiresAt;
    @Column(name = "dissolved_at")
    private Instant dissolvedAt;
    @Version
    private long version;

    protected Household() {
    }

    public Household(String name, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.createdAt = now;
    }

    public String issueInvitation(Instant now, Duration validity) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        this.invitationCode = code.toString();
        this.invitationExpiresAt = now.plus(validity);
        return invitationCode;
    }

    public boolean acceptsInvitation(String code, Instant now) {
        return dissolvedAt == null && invitationCode != null && invitationCode.equals(normalise(code))
                && now.isBefore(invitationExpiresAt);
    }

    /** Its last member was erased: its name goes, its time-bank account stays (the books keep its minutes). */
    public void erase(Instant now) {
        this.name = "Erased household";
        dissolve(now);
    }

    public void dissolve(Instant now) {
        this.dissolvedAt = now;
        this.invitationCode = null;
        this.invitationExpiresAt = null;
    }

    /** Codes are typed by people: ignore case, spaces and dashes. */
    public static String normalise(String code) {
        return code == null ? null : code.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String invitationCode() {
        return invitationCode;
    }

    public Instant invitationExpiresAt() {
        return invitationExpiresAt;
    }

    public boolean isDissolved() {
        return dissolvedAt != null;
    }
}
