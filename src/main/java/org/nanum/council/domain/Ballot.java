package org.nanum.council.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member's one ballot on a proposal. Secret: only the counts are published. */
@Entity
@Table(name = "council_vote")
@IdClass(Ballot.Key.class)
public class Ballot {
    public enum Choice { YES, NO, ABSTAIN }

    @Id
    @Column(name = "proposal_id")
    private String proposalId;
    @Id
    @Column(name = "member_id")
    private String memberId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Choice choice;
    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Ballot() {
    }

    public Ballot(String proposalId, String memberId, Choice choice, Instant now) {
        this.proposalId = proposalId;
        this.memberId = memberId;
        this.choice = choice;
        this.castAt = now;
    }

    public Choice choice() {
        return choice;
    }

    public Instant castAt() {
        return castAt;
    }

    public static class Key implements Serializable {
        String proposalId;
        String memberId;

        public Key() {
        }

        public Key(String proposalId, String memberId) {
            this.proposalId = proposalId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && proposalId.equals(k.proposalId) && memberId.equals(k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(proposalId, memberId);
        }
    }
}
