package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.ErasurePart;

/**
 * The councils' part of an erasure. Open first: a council seat held now (the council's admin
 * ends it, so that a council is never short of a member without anyone deciding it). Then: the
 * comments they wrote on proposals. Ballots stay secret and counted; petitions they started stay
 * public under the pseudonymous resident, since others signed them.
 */
@ApplicationScoped
public class CouncilErasure implements ErasurePart {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public List<Problem.FieldError> openItems(Subject s) {
        List<Problem.FieldError> open = new ArrayList<>();
        for (Object term : em.createNativeQuery("select m.term_id from council_member m join council_term t on t.id = m.term_id "
                        + "where m.resident_id = ? and m.ended_at is null and t.ends_on >= current_date")
                .setParameter(1, s.residentId()).getResultList()) {
            open.add(new Problem.FieldError("council-terms/" + term, "a council seat held now: an admin ends it first"));
        }
        return open;
    }

    @Override
    public void erase(Subject s) {
        em.createNativeQuery("update council_comment set body = '(erased)' where author_id = ?")
                .setParameter(1, s.residentId()).executeUpdate();
    }
}
