package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nanum.residents.domain.ResidentsProblems.ResidentSuspendedException;
import org.nanum.residents.domain.Suspension;

/**
 * Whether a resident is suspended. Moderation suspends and lifts; lending, the time bank and the
 * catalogue ask before a resident borrows, books, swaps time or publishes.
 */
@ApplicationScoped
public class Suspensions {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    Clock clock;

    /** The suspension in force for the resident, if any. */
    @Transactional
    public Optional<Suspension> inForce(String residentId) {
        Instant now = clock.instant();
        return em.createQuery("select s from Suspension s where s.residentId = :r and s.liftedAt is null "
                        + "and s.endsAt > :now order by s.endsAt desc", Suspension.class)
                .setParameter("r", residentId).setParameter("now", now).getResultList().stream()
                .filter(s -> s.inForce(now)).findFirst();
    }

    /** Throws 403 resident-suspended while a suspension is in force. */
    public void requireNotSuspended(String residentId) {
        inForce(residentId).ifPresent(s -> {
            throw new ResidentSuspendedException(s.endsAt());
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Suspension suspend(String residentId, Instant until, String decidedBy, String caseRef) {
        Suspension s = new Suspension(residentId, clock.instant(), until, decidedBy, caseRef);
        em.persist(s);
        return s;
    }

    /** Lifts the resident's suspensions in force; returns whether there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lift(String residentId, String by) {
        Instant now = clock.instant();
        List<Suspension> open = em.createQuery("select s from Suspension s where s.residentId = :r "
                + "and s.liftedAt is null", Suspension.class).setParameter("r", residentId).getResultList();
        open.forEach(s -> s.lift(by, now));
        return open.stream().anyMatch(s -> s.endsAt().isAfter(now));
    }

    /** Suspensions that ran out but are not marked ended yet (moderation's sweep ends them). */
    @Transactional
    public List<Suspension> ranOut() {
        return em.createQuery("select s from Suspension s where s.liftedAt is null and s.endsAt <= :now",
                Suspension.class).setParameter("now", clock.instant()).setMaxResults(100).getResultList();
    }

    /** Marks a suspension that ran out as ended (lifted by nobody); returns false if someone did already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean end(String suspensionId) {
        Suspension s = em.find(Suspension.class, suspensionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.liftedAt() != null) {
            return false;
        }
        s.lift(null, clock.instant());
        return true;
    }
}
