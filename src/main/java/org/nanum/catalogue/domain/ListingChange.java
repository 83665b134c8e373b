package org.nanum.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An outbox row: "listing X changed", written in the same transaction as the change. */
@Entity
@Table(name = "listing_change")
public class ListingChange {
    @Id
    @SequenceGenerator(name = "listing_change_seq", sequenceName = "listing_change_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "listing_change_seq")
    private Long seq;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ListingChange() {
    }

    public ListingChange(String listingId, Instant at) {
        this.listingId = listingId;
        this.changedAt = at;
    }

    /** A row as read back, for code that works on outbox rows without the database. */
    public ListingChange(long seq, String listingId, Instant at) {
        this.seq = seq;
        this.listingId = listingId;
        this.changedAt = at;
    }

    public Long seq() {
        return seq;
    }

    public String listingId() {
        return listingId;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
