package org.nanum.residents.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Staff's record that a resident's checks as a sitter were done: the fact, the day the checks
 * were done and who recorded it. Never the documents. Withdrawing keeps the record (and who
 * withdrew it); recording again replaces a withdrawn one.
 */
@Entity
@Table(name = "sitter_check")
public class SitterCheck {
    @Id
    @Column(name = "resident_id")
    private String residentId;
    @Column(name = "checked_on", nullable = false)
    private LocalDate checkedOn;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    private String withdrawnBy;
    @Version
    private long version;

    protected SitterCheck() {
    }

    public SitterCheck(String residentId, LocalDate checkedOn, String recordedBy, Instant now) {
        this.residentId = residentId;
        record(checkedOn, recordedBy, now);
    }

    public void record(LocalDate checkedOn, String recordedBy, Instant now) {
        this.checkedOn = checkedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
        this.withdrawnAt = null;
        this.withdrawnBy = null;
    }

    public void withdraw(String by, Instant now) {
        this.withdrawnAt = now;
        this.withdrawnBy = by;
    }

    public boolean isValid() {
        return withdrawnAt == null;
    }

    public String residentId() {
        return residentId;
    }

    public LocalDate checkedOn() {
        return checkedOn;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }
}
