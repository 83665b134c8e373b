package org.nanum.platform.policy;

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

/** A decided value of a policy, in force from {@code effectiveFrom} until the next one. Never updated. */
@Entity
@Table(name = "policy_value")
@IdClass(PolicyValue.Key.class)
public class PolicyValue {
    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "policy_key")
    private Policy policy;
    @Id
    @Column(name = "effective_from")
    private Instant effectiveFrom;
    @Column(name = "policy_value", nullable = false)
    private String value;
    @Column(name = "decided_by", nullable = false)
    private String decidedBy;
    @Column(name = "reason")
    private String reason;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected PolicyValue() {
    }

    PolicyValue(Policy policy, Instant effectiveFrom, int value, String decidedBy, String reason, Instant recordedAt) {
        this.policy = policy;
        this.effectiveFrom = effectiveFrom;
        this.value = Integer.toString(value);
        this.decidedBy = decidedBy;
        this.reason = reason;
        this.recordedAt = recordedAt;
    }

    public Policy policy() {
        return policy;
    }

    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    public int value() {
        return Integer.parseInt(value);
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The composite key: a policy and the moment a value takes effect. */
    public static class Key implements Serializable {
        private Policy policy;
        private Instant effectiveFrom;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.policy == policy && Objects.equals(k.effectiveFrom, effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policy, effectiveFrom);
        }
    }
}
