package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A borrower's appeal of what staff kept of their deposit, heard by the council. One per loan. */
@Entity
@Table(name = "deposit_appeal")
public class DepositAppeal {
    public enum Status { ROUTED, UPHELD, OVERTURNED }

    @Id
    private String id;
    @Column(name = "loan_id", nullable = false)
    private String loanId;
    @Column(name = "appellant_id", nullable = false)
    private String appellantId;
    @Column(nullable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Loan.DepositOutcome outcome;
    @Column(name = "kept_krw", nullable = false)
    private int keptKrw;
    @Column(name = "staff_reason")
    private String staffReason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected DepositAppeal() {
    }

    public DepositAppeal(Loan loan, String appellantId, String reason, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.loanId = loan.id();
        this.outcome = loan.depositOutcome();
        this.keptKrw = loan.depositKeptKrw() == null ? 0 : loan.depositKeptKrw();
        this.staffReason = loan.depositReason();
        this.appellantId = appellantId;
        this.reason = reason;
        this.status = Status.ROUTED;
        this.createdAt = now;
    }

    /** The council's outcome, once. */
    public void decide(boolean overturned, Instant now) {
        if (status != Status.ROUTED) {
            throw new IllegalStateException("appeal " + id + " was heard already");
        }
        status = overturned ? Status.OVERTURNED : Status.UPHELD;
        decidedAt = now;
    }

    public String id() {
        return id;
    }

    public String loanId() {
        return loanId;
    }

    public String appellantId() {
        return appellantId;
    }

    public String reason() {
        return reason;
    }

    /** What staff decided, as appealed. */
    public Loan.DepositOutcome outcome() {
        return outcome;
    }

    public int keptKrw() {
        return keptKrw;
    }

    public String staffReason() {
        return staffReason;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
