package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;
import org.nanum.residents.application.PersonalData;

/**
 * The household's time-bank account, its transfers, its sessions (given and received, with the
 * other household by name only), and the care notes it wrote that are not yet erased.
 */
@ApplicationScoped
public class TimebankPersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "timebank";
    }

    @Override
    public Object of(Subject s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.householdId() == null) {
            out.put("account", null);
            return out;
        }
        String h = s.householdId();
        out.put("account", rows.of("select id, balance, held, incoming, opened_at from tb_account where household_id = ?", h)
                .stream().findFirst().orElse(null));
        out.put("transfers", rows.of("select t.id, t.kind, t.status, t.minutes, t.posted_minutes, "
                + "case when a.household_id = ? then 'OUT' else 'IN' end as direction, n.memo, t.session_id, t.created_at, "
                + "t.settled_at from tb_transfer t join tb_account a on a.id = t.from_account join tb_account b "
                + "on b.id = t.to_account left join tb_transfer_note n on n.transfer_id = t.id "
                + "where a.household_id = ? or b.household_id = ? order by t.created_at, t.id", h, h, h));
        out.put("sessions", rows.of("select s.id, s.kind, s.listing_id, case when s.provider_household = ? then 'PROVIDER' "
                + "else 'RECEIVER' end as side, s.starts_at, s.ends_at, s.minutes, s.children, s.status, "
                + "s.provider_minutes, s.receiver_minutes, s.dispute_reason, s.settle_reason, s.created_at "
                + "from tb_session s where s.provider_household = ? or s.receiver_household = ? order by s.starts_at", h, h, h));
        out.put("careNotesWritten", rows.of("select c.session_id, c.emergency_contact, c.allergies, c.children_names, "
                + "c.written_at from tb_care_note c join tb_session s on s.id = c.session_id "
                + "where s.receiver_household = ?", h));
        return out;
    }

}
