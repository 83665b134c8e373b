package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message in the thread of a loan or a booking. */
@Entity
@Table(name = "message")
public class Message {
    /** What a thread is about. */
    public enum Thread { LOAN, BOOKING, SESSION }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "thread_type", nullable = false)
    private Thread threadType;
    @Column(name = "thread_id", nullable = false)
    private String threadId;
    @Column(name = "author_id", nullable = false)
    private String authorId;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Message() {
    }

    public Message(Thread threadType, String threadId, String authorId, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.threadType = threadType;
        this.threadId = threadId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
