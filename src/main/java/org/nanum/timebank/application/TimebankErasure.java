package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.ErasurePart;

/**
 * The time bank's part of an erasure. Open first: sessions proposed, scheduled or disputed with
 * the resident (or their household, when they are its last member): their minutes are held or in
 * question, so they are settled or cancelled the usual way. Then: the memos they wrote, the
 * reasons they gave in disputes, care notes, and the fact of their sitter checks are erased.
 * The ledger is not touched: transfers and journal entries keep their amounts between the same
 * accounts, the household's account now pseudonymous, so the books balance and the chain verifies.
 */
@ApplicationScoped
public class TimebankErasure implements ErasurePart {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    public List<Problem.FieldError> openItems(Subject s) {
        List<Problem.FieldError> open = new ArrayList<>();
        for (Object id : em.createNativeQuery("select id from tb_session where status in ('PROPOSED', 'SCHEDULED', 'DISPUTED') "
                        + "and (provider_resident = ? or receiver_resident = ? or provider_household = ? or receiver_household = ?) "
                        + "order by starts_at")
                .setParameter(1, s.residentId()).setParameter(2, s.residentId()).setParameter(3, s.householdIfLast())
                .setParameter(4, s.householdIfLast()).getResultList()) {
            open.add(new Problem.FieldError("sessions/" + id,
                    "a time-bank session not settled: confirm, cancel or wait for staff's decision first"));
        }
        return open;
    }

    @Override
    public void erase(Subject s) {
        String r = s.residentId();
        String h = s.householdIfLast();
        update("update tb_transfer_note set memo = null where by_resident = ?", r);
        update("update tb_session set dispute_reason = null where reported_by = ?", r);
        update("delete from tb_care_note where session_id in (select id from tb_session where provider_resident = ? "
                + "or receiver_resident = ? or provider_household = ? or receiver_household = ?)", r, r, h, h);
        update("delete from sitter_check where resident_id = ?", r);
    }

    private void update(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }
}
