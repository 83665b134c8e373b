package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The residents capability's part of an erasure: the inbox and the mail not yet sent (which
 * carry the resident's address), mail and language preferences, and consents to assisted use.
 * The resident's own row and their household are pseudonymised by {@link AccountErasure}.
 */
@ApplicationScoped
public class ResidentsErasure implements ErasurePart {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;


    @Override
    public void erase(Subject s) {
        em.createNativeQuery("delete from notification where resident_id = ?").setParameter(1, s.residentId()).executeUpdate();
        em.createNativeQuery("delete from notification_preference where resident_id = ?").setParameter(1, s.residentId())
                .executeUpdate();
        em.createNativeQuery("delete from assistance_consent where resident_id = ?").setParameter(1, s.residentId())
                .executeUpdate();
    }
}
