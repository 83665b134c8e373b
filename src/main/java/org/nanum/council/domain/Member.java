package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A resident's seat on a council for one term, from its assignment until it ends (if it ends early). */
@Entity
@Table(name = "council_member")
@IdClass(Member.Key.class)
public class Member {
    @Id
    @Column(name = "term_id")
    private String termId;
    @Id
    @Column(name = "resident_id")
    private String residentId;
    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "end_reason")
    private String endReason;

    protected Member() {
    }

    public Member(String termId, String residentId, String assignedBy, Instant now) {
        this.termId = termId;
        this.residentId = residentId;
        this.assignedBy = assignedBy;
        this.assignedAt = now;
    }

    public void end(String by, String reason, Instant now) {
        endedAt = now;
        endedBy = by;
        endReason = reason;
    }

    /** Assigned again after an early end. */
    public void reassign(String by, Instant now) {
        assignedBy = by;
        assignedAt = now;
        endedAt = null;
        endedBy = null;
        endReason = null;
    }

    public boolean sitting() {
        return endedAt == null;
    }

    public String termId() {
        return termId;
    }

    public String residentId() {
        return residentId;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public static class Key implements Serializable {
        String termId;
        String residentId;

        public Key() {
        }

        public Key(String termId, String residentId) {
            this.termId = termId;
            this.residentId = residentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && termId.equals(k.termId) && residentId.equals(k.residentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(termId, residentId);
        }
    }
}
