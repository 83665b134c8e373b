package org.nanum.platform.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * What one record of a source became in Nanum: {@code source} + {@code kind} + {@code externalId}
 * name it, {@code targetId} is the listing, resident or transfer. The hashes say whether a later
 * import brings anything new ({@code contentHash}) and whether someone changed the listing in Nanum
 * since ({@code nanumHash}).
 */
@Entity
@Table(name = "import_record")
@IdClass(ImportRecord.Key.class)
public class ImportRecord {
    public enum Kind { LISTING, MEMBER, TRANSFER, BALANCE }

    /** The composite key. */
    public static class Key implements Serializable {
        public String source;
        public Kind kind;
        public String externalId;

        public Key() {
        }

        public Key(String source, Kind kind, String externalId) {
            this.source = source;
            this.kind = kind;
            this.externalId = externalId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && source.equals(k.source) && kind == k.kind && externalId.equals(k.externalId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(source, kind, externalId);
        }
    }

    @Id
    private String source;
    @Id
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Id
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "target_id", nullable = false)
    private String targetId;
    @Column(name = "content_hash", nullable = false)
    private String contentHash;
    @Column(name = "nanum_hash")
    private String nanumHash;
    @Column(name = "source_updated_at")
    private Instant sourceUpdatedAt;
    @Column(name = "source_line", nullable = false)
    private int sourceLine;
    private String review;
    @Column(name = "first_imported_at", nullable = false)
    private Instant firstImportedAt;
    @Column(name = "last_imported_at", nullable = false)
    private Instant lastImportedAt;
    @Column(name = "imported_by")
    private String importedBy;
    @Version
    private long version;

    protected ImportRecord() {
    }

    public ImportRecord(String source, Kind kind, String externalId, String targetId, Instant now) {
        this.source = source;
        this.kind = kind;
        this.externalId = externalId;
        this.targetId = targetId;
        this.firstImportedAt = now;
        this.lastImportedAt = now;
    }

    /** Records what this import brought: the record's hash, where it was read, who imported it. */
    public void imported(String contentHash, String nanumHash, Instant sourceUpdatedAt, int line, String review,
                         String importedBy, Instant now) {
        this.contentHash = contentHash;
        this.nanumHash = nanumHash;
        this.sourceUpdatedAt = sourceUpdatedAt;
        this.sourceLine = line;
        this.review = review == null || review.isEmpty() ? null : review.length() > 500 ? review.substring(0, 500) : review;
        this.importedBy = importedBy;
        this.lastImportedAt = now;
    }

    /** The record now stands for another target (a member's latest opening balance). */
    public void retarget(String targetId) {
        this.targetId = targetId;
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    public String externalId() {
        return externalId;
    }

    public String targetId() {
        return targetId;
    }

    public String contentHash() {
        return contentHash;
    }

    public String nanumHash() {
        return nanumHash;
    }

    public Instant sourceUpdatedAt() {
        return sourceUpdatedAt;
    }

    public int sourceLine() {
        return sourceLine;
    }

    public String review() {
        return review;
    }

    public Instant firstImportedAt() {
        return firstImportedAt;
    }

    public Instant lastImportedAt() {
        return lastImportedAt;
    }
}
