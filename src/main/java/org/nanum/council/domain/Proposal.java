package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.nanum.platform.policy.Policy;

/**
 * A proposed new value for one policy. It is open for comments until {@code commentsUntil}, then
 * the members of the council's term in which it was made vote (yes, no or abstain, once each)
 * until {@code votingUntil}; then it is counted, once. It passes when the ballots cast (abstentions
 * included) reach the quorum, a share of the term's sitting members fixed when it was made, and
 * yes outnumbers no; the new value then takes effect at {@code effectiveFrom} (or when counted, if
 * that is later). The phases follow from the clock, so every node agrees on them without writing.
 */
@Entity
@Table(name = "council_proposal")
public class Proposal {
    public enum Status { OPEN, PASSED, REJECTED, NO_QUORUM }

    /** Where an open proposal stands now. */
    public enum Phase { COMMENTS, VOTING, COUNTING, DECIDED }

    @Id
    private String id;
    @Column(name = "council_id", nullable = false)
    private String councilId;
    @Column(name = "term_id", nullable = false)
    private String termId;
    @Enumerated(EnumType.STRING)
    @Column(name = "policy_key", nullable = false)
    private Policy policy;
    @Column(name = "value_then", nullable = false)
    private int valueThen;
    @Column(name = "proposed_value", nullable = false)
    private int proposedValue;
    @Column(name = "effective_from", nullable = false)
    private Instant effectiveFrom;
    @Column(nullable = false)
    private String rationale;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "petition_id")
    private String petitionId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "comments_until", nullable = false)
    private Instant commentsUntil;
    @Column(name = "voting_until", nullable = false)
    private Instant votingUntil;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "quorum_percent", nullable = false)
    private int quorumPercent;
    private Integer members;
    @Column(name = "yes_votes")
    private Integer yes;
    @Column(name = "no_votes")
    private Integer no;
    private Integer abstentions;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected Proposal() {
    }

    public Proposal(String councilId, String termId, Policy policy, int valueThen, int proposedValue,
                    Instant effectiveFrom, String rationale, String proposedBy, String petitionId, Instant now,
                    Instant commentsUntil, Instant votingUntil, int quorumPercent) {
        this.id = UUID.randomUUID().toString();
        this.councilId = councilId;
        this.termId = termId;
        this.policy = policy;
        this.valueThen = valueThen;
        this.proposedValue = proposedValue;
        this.effectiveFrom = effectiveFrom;
        this.rationale = rationale;
        this.proposedBy = proposedBy;
        this.petitionId = petitionId;
        this.createdAt = now;
        this.commentsUntil = commentsUntil;
        this.votingUntil = votingUntil;
        this.quorumPercent = quorumPercent;
        this.status = Status.OPEN;
    }

    public Phase phase(Instant now) {
        if (status != Status.OPEN) {
            return Phase.DECIDED;
        }
        if (now.isBefore(commentsUntil)) {
            return Phase.COMMENTS;
        }
        return now.isBefore(votingUntil) ? Phase.VOTING : Phase.COUNTING;
    }

    /** Counts the ballots once: the outcome by the quorum and majority rules above. */
    public Status count(int sittingMembers, int yes, int no, int abstentions, Instant now) {
        if (status != Status.OPEN || now.isBefore(votingUntil)) {
            throw new IllegalStateException("proposal " + id + " is not ready to count");
        }
        this.members = sittingMembers;
        this.yes = yes;
        this.no = no;
        this.abstentions = abstentions;
        this.decidedAt = now;
        status = !quorate(sittingMembers, yes + no + abstentions, quorumPercent) ? Status.NO_QUORUM
                : yes > no ? Status.PASSED : Status.REJECTED;
        return status;
    }

    /** Ballots cast reach the quorum: at least {@code percent} % of the sitting members (rounded up), and at least one. */
    public static boolean quorate(int members, int cast, int percent) {
        long needed = Math.max(1, (members * (long) percent + 99) / 100);
        return members > 0 && cast >= needed;
    }

    public String id() {
        return id;
    }

    public String councilId() {
        return councilId;
    }

    public String termId() {
        return termId;
    }

    public Policy policy() {
        return policy;
    }

    public int valueThen() {
        return valueThen;
    }

    public int proposedValue() {
        return proposedValue;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public String rationale() {
        return rationale;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public String petitionId() {
        return petitionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant commentsUntil() {
        return commentsUntil;
    }

    public Instant votingUntil() {
        return votingUntil;
    }

    public Status status() {
        return status;
    }

    public int quorumPercent() {
        return quorumPercent;
    }

    public Integer members() {
        return members;
    }

    public Integer yes() {
        return yes;
    }

    public Integer no() {
        return no;
    }

    public Integer abstentions() {
        return abstentions;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
