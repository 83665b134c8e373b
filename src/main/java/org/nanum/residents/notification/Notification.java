package org.nanum.residents.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One thing a resident is told: in their inbox, and by mail according to their choice. */
@Entity
@Table(name = "notification")
public class Notification {
    /** Where its mail stands. DIGEST: waits for the resident's daily digest. */
    public enum MailStatus { PENDING, DIGEST, SENT, SKIPPED, FAILED }

    /** Attempts before a mail is given up (its notification stays in the inbox). */
    static final int MAX_ATTEMPTS = 8;

    @Id
    private String id;
    @Column(name = "resident_id", nullable = false)
    private String residentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String body;
    private String link;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "mail_status", nullable = false)
    private MailStatus mailStatus;
    @Column(name = "mail_attempts", nullable = false)
    private int mailAttempts;
    @Column(name = "mail_next_at")
    private Instant mailNextAt;
    @Column(name = "mail_sent_at")
    private Instant mailSentAt;
    @Version
    private long version;

    protected Notification() {
    }

    Notification(String residentId, NotificationKind kind, String subject, String body, String link, MailStatus mail,
                 Instant now) {
        this.id = UUID.randomUUID().toString();
        this.residentId = residentId;
        this.kind = kind;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.createdAt = now;
        this.mailStatus = mail;
        this.mailNextAt = mail == MailStatus.PENDING ? now : null;
    }

    void sent(Instant now) {
        mailStatus = MailStatus.SENT;
        mailSentAt = now;
        mailNextAt = null;
    }

    /** A failed attempt: the next one waits 1, 2, 4 … minutes (at most six hours); then it is given up. */
    void failed(Instant now) {
        mailAttempts++;
        if (mailAttempts >= MAX_ATTEMPTS) {
            mailStatus = MailStatus.FAILED;
            mailNextAt = null;
        } else {
            long minutes = Math.min(360, 1L << (mailAttempts - 1));
            mailNextAt = now.plus(Duration.ofMinutes(minutes));
        }
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public String id() {
        return id;
    }

    public String residentId() {
        return residentId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String link() {
        return link;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public MailStatus mailStatus() {
        return mailStatus;
    }
}
