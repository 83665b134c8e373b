package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A council's term: from its first day to its last (the city's calendar), never overlapping another. */
@Entity
@Table(name = "council_term")
public class Term {
    @Id
    private String id;
    @Column(name = "council_id", nullable = false)
    private String councilId;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Term() {
    }

    public Term(String councilId, LocalDate startsOn, LocalDate endsOn, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.councilId = councilId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdAt = now;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(endsOn) && !to.isBefore(startsOn);
    }

    public String id() {
        return id;
    }

    public String councilId() {
        return councilId;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }
}
