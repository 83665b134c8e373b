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
 * Residents ask a council to vote on a policy value. It gathers support (one per resident, the
 * author's first) until {@code openUntil}; when supporters reach {@code needed} (the policy value
 * when it was started) it QUALIFIES and must be put on the council's agenda: the council's sweep
 * makes it a proposal (ON_AGENDA) as soon as a term is in force that can hold the whole vote.
 * Otherwise it LAPSES when its time runs out.
 */
@Entity
@Table(name = "council_petition")
public class Petition {
    public enum Status { OPEN, QUALIFIED, ON_AGENDA, LAPSED }

    @Id
    private String id;
    @Column(name = "council_id", nullable = false)
    private String councilId;
    @Enumerated(EnumType.STRING)
    @Column(name = "policy_key", nullable = false)
    private Policy policy;
    @Column(name = "proposed_value", nullable = false)
    private int proposedValue;
    @Column(nullable = false)
    private String rationale;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "open_until", nullable = false)
    private Instant openUntil;
    @Column(nullable = false)
    private int needed;
    @Column(nullable = false)
    private int supporters;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "qualified_at")
    private Instant qualifiedAt;
    @Column(name = "proposal_id")
    private String proposalId;
    @Version
    private long version;

    protected Petition() {
    }

    public Petition(String councilId, Policy policy, int proposedValue, String rationale, String createdBy,
                    Instant now, Instant openUntil, int needed) {
        this.id = UUID.randomUUID().toString();
        this.councilId = councilId;
        this.policy = policy;
        this.proposedValue = proposedValue;
        this.rationale = rationale;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.openUntil = openUntil;
        this.needed = needed;
        this.status = Status.OPEN;
    }

    public boolean gathering(Instant now) {
        return status == Status.OPEN && now.isBefore(openUntil);
    }

    /** One more supporter; it qualifies when they are enough. */
    public void supported(Instant now) {
        supporters++;
        if (status == Status.OPEN && supporters >= needed) {
            status = Status.QUALIFIED;
            qualifiedAt = now;
        }
    }

    public void placed(String proposalId) {
        this.proposalId = proposalId;
        status = Status.ON_AGENDA;
    }

    public void lapse() {
        status = Status.LAPSED;
    }

    public String id() {
        return id;
    }

    public String councilId() {
        return councilId;
    }

    public Policy policy() {
        return policy;
    }

    public int proposedValue() {
        return proposedValue;
    }

    public String rationale() {
        return rationale;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant openUntil() {
        return openUntil;
    }

    public int needed() {
        return needed;
    }

    public int supporters() {
        return supporters;
    }

    public Status status() {
        return status;
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }

    public String proposalId() {
        return proposalId;
    }
}
