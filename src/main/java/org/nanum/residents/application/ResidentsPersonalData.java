package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;

/**
 * What the residents capability holds: the resident's profile, their household and its members'
 * display names, their sitter check (the fact, never documents), suspensions, notifications and
 * mail preferences, and what the audit trail records them doing.
 */
@ApplicationScoped
public class ResidentsPersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "residents";
    }

    @Override
    public Object of(Subject s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profile", rows.of("select id, username, display_name, email, district_code, residency_verified_at, "
                + "created_at from resident where id = ?", s.residentId()).stream().findFirst().orElse(null));
        out.put("household", s.householdId() == null ? null : rows.of("select id, name, created_at from household "
                + "where id = ?", s.householdId()).stream().findFirst().orElse(null));
        out.put("householdMembers", s.householdId() == null ? java.util.List.of() : rows.of("select display_name "
                + "from resident where household_id = ? order by display_name", s.householdId()));
        out.put("sitterCheck", rows.of("select checked_on, recorded_at, withdrawn_at from sitter_check "
                + "where resident_id = ?", s.residentId()));
        out.put("suspensions", rows.of("select starts_at, ends_at, lifted_at from resident_suspension "
                + "where resident_id = ? order by starts_at", s.residentId()));
        out.put("mailPreference", rows.of("select mail_mode, language, last_digest_at from notification_preference "
                + "where resident_id = ?", s.residentId()).stream().findFirst().orElse(null));
        out.put("notifications", rows.of("select kind, subject, body, link, created_at, read_at, mail_status, "
                + "mail_sent_at from notification where resident_id = ? order by created_at", s.residentId()));
        out.put("assistanceConsents", rows.of("select reason, granted_at, expires_at, ended_at from assistance_consent "
                + "where resident_id = ? order by granted_at", s.residentId()));
        out.put("actionsOnRecord", rows.of("select occurred_at, action, target_type, target_id, on_behalf_by from audit_record "
                + "where actor_id = ? order by occurred_at, id", s.residentId()));
        return out;
    }
}
