package org.nanum.lending.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nanum.lending.domain.Hold;
import org.nanum.lending.domain.Loan;

/** The hold table, and what the queue needs to know of loans. Callers hold the transaction. */
@ApplicationScoped
public class HoldStore {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    public void add(Hold hold) {
        em.persist(hold);
    }

    public Optional<Hold> lockHold(String id) {
        return Optional.ofNullable(em.find(Hold.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The item's queue, first in line first (locked, so two nodes never offer twice). */
    public List<Hold> lockQueue(String listingId) {
        return em.createQuery("select h from Hold h where h.listingId = :i and h.status in :s order by h.joinedAt, h.id",
                        Hold.class).setParameter("i", listingId).setParameter("s", Hold.Status.IN_LINE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public List<Hold> queue(String listingId) {
        return em.createQuery("select h from Hold h where h.listingId = :i and h.status in :s order by h.joinedAt, h.id",
                Hold.class).setParameter("i", listingId).setParameter("s", Hold.Status.IN_LINE).getResultList();
    }

    public long inLineOf(String residentId) {
        return em.createQuery("select count(h) from Hold h where h.residentId = :r and h.status in :s", Long.class)
                .setParameter("r", residentId).setParameter("s", Hold.Status.IN_LINE).getSingleResult();
    }

    public List<Hold> ofResident(String residentId) {
        return em.createQuery("select h from Hold h where h.residentId = :r order by h.joinedAt desc", Hold.class)
                .setParameter("r", residentId).setMaxResults(100).getResultList();
    }

    /** Items whose offer has run out. */
    public List<String> itemsWithExpiredOffers(Instant now) {
        return em.createQuery("select distinct h.listingId from Hold h where h.status = :s and h.offerExpiresAt < :now",
                String.class).setParameter("s", Hold.Status.OFFERED).setParameter("now", now).getResultList();
    }

    /** Whether the item is out now, or approved to someone for today. */
    public boolean isOut(String listingId, java.time.LocalDate today) {
        return em.createQuery("select count(l) from Loan l where l.listingId = :i and (l.status = :out or "
                        + "(l.status = :approved and l.firstDay <= :today and l.lastDay >= :today))", Long.class)
                .setParameter("i", listingId).setParameter("out", Loan.Status.OUT)
                .setParameter("approved", Loan.Status.APPROVED).setParameter("today", today).getSingleResult() > 0;
    }
}
