package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.residents.application.ErasurePart;

/**
 * Lending's part of an erasure. Open first: loans asked for, approved or out (theirs, or of their
 * items), places on waiting lists, bookings still to come, deposit appeals the council has not
 * decided. Then: the words they wrote (messages, loan requests, references by and about them,
 * booking notes and group names, deposit appeals) are erased and their calendar address is gone.
 * Loans and bookings themselves stay, with their dates, under the pseudonymous resident: the
 * owners' and the city's records of what was lent.
 */
@ApplicationScoped
public class LendingErasure implements ErasurePart {
    static final String ERASED = "(erased)";

    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<Problem.FieldError> openItems(Subject s) {
        List<Problem.FieldError> open = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select o.id, o.status from loan o join listing l on l.id = o.listing_id "
                        + "where o.status in ('REQUESTED', 'APPROVED', 'OUT') and (o.borrower_id = ? "
                        + "or (l.owner_type = 'RESIDENT' and l.owner_id = ?) or (l.owner_type = 'HOUSEHOLD' and l.owner_id = ?)) "
                        + "order by o.created_at")
                .setParameter(1, s.residentId()).setParameter(2, s.residentId()).setParameter(3, s.householdIfLast())
                .getResultList()) {
            String status = (String) row[1];
            open.add(new Problem.FieldError("loans/" + row[0], switch (status) {
                case "OUT" -> "an item is out on this loan: it comes back (and is handed over) first";
                case "APPROVED" -> "an approved loan: cancel it first";
                default -> "a loan request: withdraw or decline it first";
            }));
        }
        for (Object id : em.createNativeQuery("select id from hold where resident_id = ? and status in ('WAITING', 'OFFERED')")
                .setParameter(1, s.residentId()).getResultList()) {
            open.add(new Problem.FieldError("holds/" + id, "a place on a waiting list: leave it first"));
        }
        for (Object id : em.createNativeQuery("select id from booking where booker_id = ? and status = 'CONFIRMED' "
                        + "and ends_at > current_timestamp order by starts_at")
                .setParameter(1, s.residentId()).getResultList()) {
            open.add(new Problem.FieldError("bookings/" + id, "a booking still to come: cancel it first"));
        }
        for (Object id : em.createNativeQuery("select id from deposit_appeal where appellant_id = ? and status = 'ROUTED'")
                .setParameter(1, s.residentId()).getResultList()) {
            open.add(new Problem.FieldError("deposit-appeals/" + id, "a deposit appeal the council has not decided yet"));
        }
        return open;
    }

    @Override
    public void erase(Subject s) {
        String r = s.residentId();
        update("update message set body = ? where author_id = ?", ERASED, r);
        update("update loan set message = null where borrower_id = ?", r);
        update("update loan_reference set comment = null where author_id = ? or about_id = ?", r, r);
        update("update booking set group_name = null, note = null, cancel_reason = null where booker_id = ?", r);
        update("update deposit_appeal set reason = ? where appellant_id = ?", ERASED, r);
        update("delete from calendar_feed where resident_id = ?", r);
    }

    private void update(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }
}
