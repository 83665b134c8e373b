package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.nanum.residents.application.ErasurePart;

/**
 * Moderation's part of an erasure: the words of the resident's reports and appeals. Cases,
 * decisions, suspensions and the public transparency log stay: they are staff's record and the
 * public's, and name people only by id or by pseudonym already.
 */
@ApplicationScoped
public class ModerationErasure implements ErasurePart {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;


    @Override
    public void erase(Subject s) {
        em.createNativeQuery("update report set details = null where reporter_id = ?").setParameter(1, s.residentId())
                .executeUpdate();
        em.createNativeQuery("update moderation_appeal set reason = '(erased)' where appellant_id = ?")
                .setParameter(1, s.residentId()).executeUpdate();
    }
}
