package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A resident's private calendar feed: the hash of the token in its URL. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {
    @Id
    @Column(name = "resident_id")
    private String residentId;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String residentId, String token, Instant now) {
        this.residentId = residentId;
        this.tokenHash = hash(token);
        this.createdAt = now;
    }

    public void replaceToken(String token, Instant now) {
        this.tokenHash = hash(token);
        this.createdAt = now;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String residentId() {
        return residentId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
