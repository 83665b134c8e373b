package org.nanum.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes audit records inside the caller's transaction, so a change and its record commit together. */
@ApplicationScoped
public class AuditLog {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(String actorId, AuditRecord.ActorKind kind, String action,
                              String targetType, String targetId, String reason) {
        AuditRecord record = new AuditRecord(actorId, kind, action, targetType, targetId, reason, Instant.now());
        assistingStaff().ifPresent(record::doneBy);
        em.persist(record);
        return record;
    }

    /** Who last did {@code action} to the target, if anyone did (e.g. the last member who left a household). */
    @Transactional
    public java.util.Optional<String> lastActor(String action, String targetType, String targetId) {
        return em.createQuery("select r.actorId from AuditRecord r where r.action = :a and r.targetType = :t "
                        + "and r.targetId = :id order by r.occurredAt desc", String.class).setParameter("a", action)
                .setParameter("t", targetType).setParameter("id", targetId).setMaxResults(1).getResultList().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** How many records of this action there are (a one-off task that recorded itself has run). */
    @Transactional
    public long count(String action) {
        return em.createQuery("select count(r) from AuditRecord r where r.action = :a", Long.class).setParameter("a", action)
                .getSingleResult();
    }

    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<org.nanum.platform.security.Assistance> assistance;

    /** In a request a staff member makes for a resident, that staff member; never in scheduled work. */
    private java.util.Optional<String> assistingStaff() {
        try {
            return assistance.get().staff();
        } catch (jakarta.enterprise.context.ContextNotActiveException noRequest) {
            return java.util.Optional.empty();
        }
    }
}
