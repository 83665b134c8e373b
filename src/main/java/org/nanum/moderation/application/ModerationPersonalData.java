package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;
import org.nanum.residents.application.PersonalData;

/**
 * The reports the resident made (their own words), the cases about them or their listings with
 * staff's decisions, and their appeals. Who reported them is never part of it.
 */
@ApplicationScoped
public class ModerationPersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "moderation";
    }

    @Override
    public Object of(Subject s) {
        String r = s.residentId();
        String h = s.householdId() == null ? "" : s.householdId();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reportsMade", rows.of("select id, target_type, target_id, reason, details, status, created_at, closed_at "
                + "from report where reporter_id = ? order by created_at", r));
        out.put("casesAboutMe", rows.of("select c.id, c.target_type, c.target_id, c.status, c.opened_at, c.closed_at, "
                + "c.decision from moderation_case c where (c.target_type = 'RESIDENT' and c.target_id = ?) "
                + "or (c.target_type = 'LISTING' and c.target_id in (select id from listing where created_by = ? "
                + "or (owner_type = 'RESIDENT' and owner_id = ?) or (owner_type = 'HOUSEHOLD' and owner_id = ?))) "
                + "order by c.opened_at", r, r, r, h));
        out.put("appeals", rows.of("select id, case_id, reason, status, created_at, decided_at from moderation_appeal "
                + "where appellant_id = ? order by created_at", r));
        return out;
    }
}
