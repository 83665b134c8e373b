package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;
import org.nanum.residents.application.PersonalData;

/**
 * Loans the resident asked for, loans of the items they manage (without the borrowers' identity:
 * that is the borrowers' data), waiting lists, bookings, references by and about them (not who
 * wrote those about them), deposit appeals, the messages they wrote, and whether they have a
 * calendar address (never the address itself).
 */
@ApplicationScoped
public class LendingPersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "lending";
    }

    @Override
    public Object of(Subject s) {
        String r = s.residentId();
        String h = s.householdId() == null ? "" : s.householdId();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loansAsBorrower", rows.of("select id, listing_id, first_day, last_day, status, message, deposit_krw, "
                + "decided_at, decision_note, picked_up_at, condition_out, returned_at, condition_back, damage_note, "
                + "renewals, deposit_outcome, deposit_kept_krw, deposit_reason, created_at from loan where borrower_id = ? "
                + "order by created_at", r));
        out.put("loansOfMyItems", rows.of("select o.id, o.listing_id, o.first_day, o.last_day, o.status, o.created_at "
                + "from loan o join listing l on l.id = o.listing_id where (l.owner_type = 'RESIDENT' and l.owner_id = ?) "
                + "or (l.owner_type = 'HOUSEHOLD' and l.owner_id = ?) order by o.created_at", r, h));
        out.put("waitingLists", rows.of("select id, listing_id, status, joined_at, offered_at, offer_expires_at, ended_at, "
                + "loan_id from hold where resident_id = ? order by joined_at", r));
        out.put("bookings", rows.of("select id, listing_id, purpose, group_name, note, starts_at, ends_at, series_id, "
                + "status, created_at, cancelled_at, cancel_reason from booking where booker_id = ? order by starts_at", r));
        out.put("referencesWritten", rows.of("select loan_id, about_role, rating, comment, created_at from loan_reference "
                + "where author_id = ? order by created_at", r));
        out.put("referencesAboutMe", rows.of("select loan_id, about_role, rating, comment, created_at from loan_reference "
                + "where about_id = ? order by created_at", r));
        out.put("depositAppeals", rows.of("select id, loan_id, reason, status, created_at, decided_at from deposit_appeal "
                + "where appellant_id = ? order by created_at", r));
        out.put("messagesWritten", rows.of("select thread_type, thread_id, body, created_at from message "
                + "where author_id = ? order by created_at", r));
        out.put("calendarAddressSince", rows.of("select created_at from calendar_feed where resident_id = ?", r)
                .stream().findFirst().map(m -> m.get("createdAt")).orElse(null));
        return out;
    }
}
