package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A resident's or a member's public comment on a proposal, while it is open for comments. */
@Entity
@Table(name = "council_comment")
public class Comment {
    @Id
    private String id;
    @Column(name = "proposal_id", nullable = false)
    private String proposalId;
    @Column(name = "author_id", nullable = false)
    private String authorId;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Comment() {
    }

    public Comment(String proposalId, String authorId, String body, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.proposalId = proposalId;
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
