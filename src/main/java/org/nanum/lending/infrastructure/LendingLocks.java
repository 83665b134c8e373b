package org.nanum.lending.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Row locks lending takes so that limits hold under concurrency. */
@ApplicationScoped
public class LendingLocks {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    /**
     * Locks the resident's row for the rest of the transaction, so two requests by one resident
     * are counted against their limits one after the other (works on PostgreSQL and H2).
     */
    public void lockResident(String residentId) {
        em.createNativeQuery("select id from resident where id = ? for update").setParameter(1, residentId)
                .getResultList();
    }
}
