package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.nanum.catalogue.domain.ListingDetails.Condition;

/**
 * A loan of goods, from request to close. The transitions are the only way its status changes:
 * REQUESTED → APPROVED (or DECLINED) → OUT (picked up) → RETURNED, and from REQUESTED or APPROVED
 * → CANCELLED, from OUT → LOST. Approved and out loans hold their days in {@link LoanDay}s.
 */
@Entity
@Table(name = "loan")
public class Loan {
    public enum Status {
        REQUESTED, APPROVED, DECLINED, CANCELLED, OUT, RETURNED, LOST;

        /** The statuses that count against a resident's limit and keep the item busy. */
        public static final Set<Status> ACTIVE = EnumSet.of(REQUESTED, APPROVED, OUT);
    }

    /** What becomes of a deposit once the item is back or lost. */
    public enum DepositOutcome { RELEASED, PARTLY_KEPT, KEPT }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "borrower_id", nullable = false)
    private String borrowerId;
    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;
    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String message;
    @Column(name = "deposit_krw")
    private Integer depositKrw;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "picked_up_at")
    private Instant pickedUpAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "condition_out")
    private Condition conditionOut;
    @Column(name = "returned_at")
    private Instant returnedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "condition_back")
    private Condition conditionBack;
    @Column(name = "damage_note")
    private String damageNote;
    @Column(nullable = false)
    private int renewals;
    @Enumerated(EnumType.STRING)
    @Column(name = "deposit_outcome")
    private DepositOutcome depositOutcome;
    @Column(name = "deposit_kept_krw")
    private Integer depositKeptKrw;
    @Column(name = "deposit_decided_by")
    private String depositDecidedBy;
    @Column(name = "deposit_decided_at")
    private Instant depositDecidedAt;
    @Column(name = "deposit_reason")
    private String depositReason;
    @Column(name = "last_reminded_at")
    private Instant lastRemindedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Loan() {
    }

    public Loan(String listingId, String borrowerId, LocalDate firstDay, LocalDate lastDay, String message,
                Integer depositKrw, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.listingId = listingId;
        this.borrowerId = borrowerId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.message = message;
        this.depositKrw = depositKrw;
        this.status = Status.REQUESTED;
        this.createdAt = now;
    }

    private void require(Status... allowed) {
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new LendingProblems.LoanTransitionException(status, allowed);
    }

    public void approve(String by, String note, Instant now) {
        require(Status.REQUESTED);
        decide(Status.APPROVED, by, note, now);
    }

    public void decline(String by, String reason, Instant now) {
        require(Status.REQUESTED);
        decide(Status.DECLINED, by, reason, now);
    }

    public void cancel(String by, String reason, Instant now) {
        require(Status.REQUESTED, Status.APPROVED);
        decide(Status.CANCELLED, by, reason, now);
    }

    public void pickUp(Condition condition, Instant now) {
        require(Status.APPROVED);
        status = Status.OUT;
        pickedUpAt = now;
        conditionOut = condition;
    }

    public void giveBack(Condition condition, String damage, Instant now) {
        require(Status.OUT);
        status = Status.RETURNED;
        returnedAt = now;
        conditionBack = condition;
        damageNote = damage;
    }

    public void lose(String by, String note, Instant now) {
        require(Status.OUT);
        decide(Status.LOST, by, note, now);
    }

    public void renewTo(LocalDate newLastDay) {
        require(Status.APPROVED, Status.OUT);
        lastDay = newLastDay;
        renewals++;
    }

    /** Staff decide the deposit: all back, part kept, or all kept (for damage or loss). */
    public void decideDeposit(DepositOutcome outcome, int keptKrw, String by, String reason, Instant now) {
        require(Status.RETURNED, Status.LOST);
        if (depositKrw == null || depositKrw == 0) {
            throw new LendingProblems.LoanTransitionException("this loan had no deposit");
        }
        if (depositOutcome != null) {
            throw new LendingProblems.LoanTransitionException("its deposit was decided on " + depositDecidedAt);
        }
        depositOutcome = outcome;
        depositKeptKrw = keptKrw;
        depositDecidedBy = by;
        depositDecidedAt = now;
        depositReason = reason;
    }

    /** A council overturned the deposit decision on appeal: all of it goes back to the borrower. */
    public void releaseDepositOnAppeal(String by, String reason, Instant now) {
        if (depositOutcome == null) {
            throw new LendingProblems.LoanTransitionException("its deposit was never decided");
        }
        depositOutcome = DepositOutcome.RELEASED;
        depositKeptKrw = 0;
        depositDecidedBy = by;
        depositDecidedAt = now;
        depositReason = reason;
    }

    public Instant depositDecidedAt() {
        return depositDecidedAt;
    }

    private void decide(Status to, String by, String note, Instant now) {
        status = to;
        decidedBy = by;
        decidedAt = now;
        decisionNote = note;
    }

    /** Records a reminder when the loan is overdue and the last one is older than {@code every}; says whether. */
    public boolean remindIfDue(LocalDate today, Instant now, java.time.Duration every) {
        if (!isOverdue(today) || (lastRemindedAt != null && lastRemindedAt.plus(every).isAfter(now))) {
            return false;
        }
        lastRemindedAt = now;
        return true;
    }

    /** Out past its last day (the city's calendar day {@code today}). */
    public boolean isOverdue(LocalDate today) {
        return status == Status.OUT && today.isAfter(lastDay);
    }

    public String id() {
        return id;
    }

    public String listingId() {
        return listingId;
    }

    public String borrowerId() {
        return borrowerId;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public Status status() {
        return status;
    }

    public String message() {
        return message;
    }

    public Integer depositKrw() {
        return depositKrw;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public Instant pickedUpAt() {
        return pickedUpAt;
    }

    public Condition conditionOut() {
        return conditionOut;
    }

    public Instant returnedAt() {
        return returnedAt;
    }

    public Condition conditionBack() {
        return conditionBack;
    }

    public String damageNote() {
        return damageNote;
    }

    public int renewals() {
        return renewals;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public DepositOutcome depositOutcome() {
        return depositOutcome;
    }

    public Integer depositKeptKrw() {
        return depositKeptKrw;
    }

    public String depositReason() {
        return depositReason;
    }
}
