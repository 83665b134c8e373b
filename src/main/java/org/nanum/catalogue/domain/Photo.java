package org.nanum.catalogue.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A listing's photo as stored: a JPEG re-encoded from the upload, and its thumbnail. */
@Entity
@Table(name = "listing_photo")
public class Photo {
    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private int width;
    @Column(nullable = false)
    private int height;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] image;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] thumbnail;
    @Column(nullable = false)
    private boolean hidden;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Photo() {
    }

    public Photo(String listingId, int position, int width, int height, byte[] image, byte[] thumbnail, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.position = position;
        this.width = width;
        this.height = height;
        this.image = image;
        this.thumbnail = thumbnail;
        this.createdAt = now;
    }

    public void hide() {
        this.hidden = true;
    }

    public void restore() {
        this.hidden = false;
    }

    public String id() {
        return id;
    }

    public String listingId() {
        return listingId;
    }

    public int position() {
        return position;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public byte[] image() {
        return image;
    }

    public byte[] thumbnail() {
        return thumbnail;
    }

    public boolean hidden() {
        return hidden;
    }
}
