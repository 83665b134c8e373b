package org.nanum.moderation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A word (in any language) or a category code that sends a listing to the queue before it is published. */
@Entity
@Table(name = "prohibited_term")
public class ProhibitedTerm {
    @Id
    private String id;
    private String term;
    private String category;
    @Column(name = "added_by", nullable = false)
    private String addedBy;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected ProhibitedTerm() {
    }

    public ProhibitedTerm(String term, String category, String addedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.term = term;
        this.category = category;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public String id() {
        return id;
    }

    public String term() {
        return term;
    }

    public String category() {
        return category;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
