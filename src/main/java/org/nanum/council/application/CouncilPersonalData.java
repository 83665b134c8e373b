package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;
import org.nanum.residents.application.PersonalData;

/**
 * The resident's seats, comments, petitions started and supported, and their own ballots: secret
 * from everyone else, but theirs to see.
 */
@ApplicationScoped
public class CouncilPersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "council";
    }

    @Override
    public Object of(Subject s) {
        String r = s.residentId();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seats", rows.of("select t.council_id, m.term_id, t.starts_on, t.ends_on, m.assigned_at, m.ended_at, "
                + "m.end_reason from council_member m join council_term t on t.id = m.term_id where m.resident_id = ? "
                + "order by t.starts_on", r));
        out.put("ballots", rows.of("select proposal_id, choice, cast_at from council_vote where member_id = ? "
                + "order by cast_at", r));
        out.put("comments", rows.of("select proposal_id, body, created_at from council_comment where author_id = ? "
                + "order by created_at", r));
        out.put("petitionsStarted", rows.of("select id, council_id, policy_key, proposed_value, rationale, status, "
                + "created_at from council_petition where created_by = ? order by created_at", r));
        out.put("petitionsSupported", rows.of("select petition_id, created_at from council_petition_support "
                + "where resident_id = ? order by created_at", r));
        return out;
    }
}
