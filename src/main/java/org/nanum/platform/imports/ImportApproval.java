package org.nanum.platform.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One imported record that changes the books (or an unclaimed member's email) beyond what one
 * person may do alone, waiting for a second person's decision (maker and checker); or, AUTO, one
 * that went in at once under the importer's allowance, kept so that the allowance can be counted
 * and the minutes imports brought into circulation explained. See {@link ImportApprovals}.
 */
@Entity
@Table(name = "import_approval")
public class ImportApproval {
    public enum Kind { BALANCE, TRANSFER, EMAIL }

    public enum Status { AUTO, PENDING, APPROVED, REJECTED }

    @Id
    private String id;
    @Column(name = "batch_id", nullable = false)
    private String batchId;
    @Column(nullable = false)
    private String source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "external_id", nullable = false)
    private String externalId;
    @Column(name = "source_line", nullable = false)
    private int line;
    @Column(nullable = false)
    private String payload;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "from_account_id")
    private String fromAccountId;
    @Column(name = "household_id")
    private String householdId;
    @Column(nullable = false)
    private long minutes;
    @Column(name = "migration_minutes", nullable = false)
    private long migrationMinutes;
    private String why;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "transfer_id")
    private String transferId;
    @Version
    private long version;

    protected ImportApproval() {
    }

    /** What an imported record would do, as its importer asked for it. */
    public record Change(Kind kind, String externalId, int line, String payload, String accountId, String fromAccountId,
                        String householdId, long minutes, long migrationMinutes) {
    }

    ImportApproval(Importer importer, Change c, Status status, String why, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.batchId = importer.batchId();
        this.source = importer.source();
        this.kind = c.kind();
        this.externalId = c.externalId();
        this.line = c.line();
        this.payload = c.payload();
        this.accountId = c.accountId();
        this.fromAccountId = c.fromAccountId();
        this.householdId = c.householdId();
        this.minutes = c.minutes();
        this.migrationMinutes = c.migrationMinutes();
        this.why = why;
        this.status = status;
        this.requestedBy = importer.residentId();
        this.requestedAt = now;
    }

    void decide(String by, boolean approved, String reason, Instant now) {
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decidedBy = by;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    void applied(String transferId) {
        this.transferId = transferId;
    }

    public String id() {
        return id;
    }

    public String batchId() {
        return batchId;
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

    public int line() {
        return line;
    }

    public String payload() {
        return payload;
    }

    public String accountId() {
        return accountId;
    }

    public String fromAccountId() {
        return fromAccountId;
    }

    public String householdId() {
        return householdId;
    }

    public long minutes() {
        return minutes;
    }

    public long migrationMinutes() {
        return migrationMinutes;
    }

    public String why() {
        return why;
    }

    public Status status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String transferId() {
        return transferId;
    }
}
