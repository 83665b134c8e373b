package org.nanum.platform.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;

/**
 * The policy values in force, and their history. A value with no decision yet is the
 * {@link Policy#initial()} one. Services read values on every request, so the decided rows (a
 * small table) are kept in memory and read again every {@link #REREAD}: which row is in force is
 * worked out at each read from the rows' own moments, so a decision for tomorrow takes effect
 * tomorrow on every node, and a new decision is seen within five seconds.
 */
@ApplicationScoped
public class PolicyService {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** A policy as residents and councils see it: the value in force, since when, and why. */
    public record PolicyView(Policy key, String description, String unit, int value, Instant since, String decidedBy,
                             String reason, int min, int max, boolean byCouncil, List<Change> scheduled) {
    }

    /** A decided value, past or future. */
    public record Change(int value, Instant effectiveFrom, String decidedBy, String reason) {
    }

    static final java.time.Duration REREAD = java.time.Duration.ofSeconds(5);

    private record Snapshot(Instant readAt, List<PolicyValue> rows) {
    }

    private volatile Snapshot snapshot;

    /** The value in force now. */
    public int value(Policy policy) {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(REREAD).isBefore(now)) {
            s = new Snapshot(now, em.createQuery("select v from PolicyValue v", PolicyValue.class).getResultList());
            snapshot = s;
        }
        return s.rows().stream().filter(v -> v.policy() == policy && !v.effectiveFrom().isAfter(now))
                .max(java.util.Comparator.comparing(PolicyValue::effectiveFrom)).map(PolicyValue::value)
                .orElse(policy.initial());
    }

    private java.util.Optional<PolicyValue> inForce(Policy policy, Instant at) {
        return em.createQuery("select v from PolicyValue v where v.policy = :p and v.effectiveFrom <= :at "
                        + "order by v.effectiveFrom desc", PolicyValue.class)
                .setParameter("p", policy).setParameter("at", at).setMaxResults(1).getResultList().stream().findFirst();
    }

    public List<PolicyView> all() {
        Instant now = clock.instant();
        List<PolicyView> out = new ArrayList<>();
        for (Policy p : Policy.values()) {
            var current = inForce(p, now);
            List<Change> scheduled = em.createQuery("select v from PolicyValue v where v.policy = :p and "
                            + "v.effectiveFrom > :now order by v.effectiveFrom", PolicyValue.class)
                    .setParameter("p", p).setParameter("now", now).getResultList().stream()
                    .map(v -> new Change(v.value(), v.effectiveFrom(), v.decidedBy(), v.reason())).toList();
            out.add(new PolicyView(p, p.description(), p.unit(), current.map(PolicyValue::value).orElse(p.initial()),
                    current.map(PolicyValue::effectiveFrom).orElse(null),
                    current.map(PolicyValue::decidedBy).orElse("initial value"),
                    current.map(PolicyValue::reason).orElse(null), p.min(), p.max(), p.byCouncil(), scheduled));
        }
        return out;
    }

    /** Every decided value of a policy, newest first. */
    public List<Change> history(Policy policy) {
        return em.createQuery("select v from PolicyValue v where v.policy = :p order by v.effectiveFrom desc",
                        PolicyValue.class).setParameter("p", policy).getResultList().stream()
                .map(v -> new Change(v.value(), v.effectiveFrom(), v.decidedBy(), v.reason())).toList();
    }

    /**
     * Records a decided value (the council's vote, later); it takes effect at {@code effectiveFrom},
     * never in the past. The decision and its audit record commit together.
     */
    @Transactional
    public Change decide(Policy policy, int value, Instant effectiveFrom, String decidedBy, String actorId,
                         AuditRecord.ActorKind actorKind, String reason) {
        if (value < policy.min() || value > policy.max()) {
            throw new ProblemException.InvalidField("value", policy.min() + " to " + policy.max() + " " + policy.unit());
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom == null || effectiveFrom.isBefore(now) ? now : effectiveFrom;
        em.persist(new PolicyValue(policy, from, value, decidedBy, reason, now));
        // Forget the rows read so far now and once the decision commits: a request that read them
        // again before the commit would otherwise keep the old value for a REREAD period.
        snapshot = null;
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshot = null;
            }
        });
        audit.record(actorId, actorKind, "policy.decided", "policy", policy.name(),
                value + " " + policy.unit() + " from " + from + (reason == null ? "" : ": " + reason));
        return new Change(value, from, decidedBy, reason);
    }
}
