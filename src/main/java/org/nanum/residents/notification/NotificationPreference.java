package org.nanum.residents.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How a resident wants to be told: mail at once, a daily digest, or the inbox only; and in which language. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {
    public enum MailMode { IMMEDIATE, DIGEST, NONE }

    @Id
    @Column(name = "resident_id")
    private String residentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "mail_mode", nullable = false)
    private MailMode mailMode;
    @Column(nullable = false)
    private String language;
    @Column(name = "last_digest_at")
    private Instant lastDigestAt;

    protected NotificationPreference() {
    }

    NotificationPreference(String residentId, MailMode mode, String language) {
        this.residentId = residentId;
        this.mailMode = mode;
        this.language = language;
    }

    void change(MailMode mode, String language) {
        this.mailMode = mode;
        this.language = language;
    }

    void digested(Instant now) {
        lastDigestAt = now;
    }

    public MailMode mailMode() {
        return mailMode;
    }

    public String language() {
        return language;
    }

    public Instant lastDigestAt() {
        return lastDigestAt;
    }
}
