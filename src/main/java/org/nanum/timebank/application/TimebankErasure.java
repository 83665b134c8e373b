package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.ErasurePart;
import org.nanum.residents.application.HouseholdPart;

/**
 * The time bank's part of an erasure. Open first, as when they leave their household
 * ({@link TimebankDeparture}): sessions not settled with the resident (or their household, when
 * they are its last member), and, when they are its last member, any minutes on the household's
 * books (a debt is earned back or written off by staff; minutes to spare are given away). Then: the memos they wrote, the
 * reasons they gave in disputes, care notes, and the fact of their sitter checks are erased.
 * The ledger is not touched: transfers and journal entries keep their amounts between the same
 * accounts, the household's account now pseudonymous, so the books balance and the chain verifies.
 */
@ApplicationScoped
public class TimebankErasure implements ErasurePart {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @jakarta.inject.Inject
    TimebankDeparture departure;
    @jakarta.inject.Inject
    org.nanum.residents.application.ResidentDirectory residents;

    @Override
    public List<Problem.FieldError> openItems(Subject s) {
        // What leaving the household would leave behind, the same as when they leave it (decision 0008).
        boolean verifiedRemain = s.householdId() != null && residents.hasVerifiedMember(s.householdId(), s.residentId());
        return departure.keepsFromLeaving(new HouseholdPart.Departure(s.residentId(), s.householdId(), s.lastOfHousehold(),
                verifiedRemain));
    }

    @Override
    public void erase(Subject s) {
        String r = s.residentId();
        String h = s.householdIfLast();
        // A welcome grant's note names whom it welcomed in the platform's words, not theirs: it stays.
        update("update tb_transfer_note set memo = null where by_resident = ? and transfer_id not in "
                + "(select id from tb_transfer where kind = 'WELCOME')", r);
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
