package org.nanum.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Days (inclusive, the city's calendar) when a listing is not available, and who said so. */
@Entity
@Table(name = "listing_blocked_period")
public class BlockedPeriod {
    public enum Source { OWNER, LOAN, BOOKING }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;
    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;
    @Column(name = "source_id")
    private String sourceId;

    protected BlockedPeriod() {
    }

    public BlockedPeriod(String listingId, LocalDate firstDay, LocalDate lastDay, Source source, String sourceId) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.source = source;
        this.sourceId = sourceId;
    }

    public String listingId() {
        return listingId;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public Source source() {
        return source;
    }
}
