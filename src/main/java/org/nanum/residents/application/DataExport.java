package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.security.SignedInUser;

/**
 * A resident's right of access: everything Nanum holds about them and their household, gathered
 * from every capability's {@link PersonalData}, in one JSON document. The export itself is
 * audited (who, when), never its contents.
 */
@ApplicationScoped
public class DataExport {
    /** The export's format; a change that removes or renames a field gets a new one. */
    public static final String FORMAT = "nanum-export-1";

    @Inject
    ResidentDirectory directory;
    @Inject
    @Any
    Instance<PersonalData> parts;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public Map<String, Object> export(@NotNull SignedInUser user) {
        ResidentDirectory.Who who = directory.signIn(user);
        PersonalData.Subject subject = new PersonalData.Subject(who.residentId(), who.householdId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("exportedAt", clock.instant().toString());
        out.put("residentId", who.residentId());
        parts.stream().sorted(Comparator.comparing(PersonalData::section))
                .forEach(part -> out.put(part.section(), part.of(subject)));
        audit.record(who.residentId(), AuditRecord.ActorKind.RESIDENT, "resident.exported", "resident",
                who.residentId(), null);
        return out;
    }
}
