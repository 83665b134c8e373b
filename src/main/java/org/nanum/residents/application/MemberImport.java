package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.imports.ImportApproval;
import org.nanum.platform.imports.ImportApprovals;
import org.nanum.platform.imports.ImportBatches;
import org.nanum.platform.imports.ImportOutcome;
import org.nanum.platform.imports.ImportRecord;
import org.nanum.platform.imports.ImportRecords;
import org.nanum.platform.imports.Importer;
import org.nanum.platform.imports.Imports;
import org.nanum.platform.imports.RecordRejected;
import org.nanum.platform.imports.SourceRecord;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.HouseholdRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;

/**
 * Members of another time bank (data-import) become residents who have not signed in yet, each
 * with a household of their own (time-bank hours belong to households). Their first sign-in with
 * the same email, verified by Keycloak, makes the record theirs ({@link ResidentEnrolment}). A
 * member whose email a signed-in resident already has is imported apart and marked for staff.
 * Only the name and the email are kept: phone numbers and the rest stay in the old system.
 */
@ApplicationScoped
public class MemberImport implements ImportApprovals.Applier {
    private static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();
    /** The external id of a source's own account: the owner of listings whose source names no member. */
    public static final String SOURCE_ACCOUNT = "(source)";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

    @Inject
    ResidentRepository residents;
    @Inject
    HouseholdRepository households;
    @Inject
    ImportRecords records;
    @Inject
    AuditLog audit;
    @Inject
    ImportApprovals approvals;

    /** A member as the import tool sends it (data-import's ImportedMember); the phone is never kept. */
    @Schema(name = "ImportedMember", description = "A time-bank member read from a source file. Only name and email "
            + "are kept; a phone number sent is not stored.")
    public record ImportedMember(String externalId, int line, String name, String email, String phone, String language,
                         Instant joinedAt) implements SourceRecord {
    }

    /** Who owns what an import brings: a resident and their household. */
    public record Owner(String residentId, String householdId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importAll(Importer importer, List<ImportedMember> batch) {
        return ImportBatches.each(batch, r -> importOne(importer, r));
    }

    private ImportOutcome importOne(Importer importer, ImportedMember r) {
        String externalId = Imports.externalId(r.externalId());
        if (externalId.equals(SOURCE_ACCOUNT)) {
            throw new RecordRejected("externalId", "'" + SOURCE_ACCOUNT + "' names the source's own account");
        }
        String name = Imports.text("name", r.name(), 100, true);
        String email = Imports.text("email", r.email(), 320, false);
        if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                throw new RecordRejected("email", "not an email address");
            }
            email = email.toLowerCase(Locale.ROOT);
        }
        Imports.text("phone", r.phone(), 40, false);
        Imports.text("language", r.language(), 20, false);
        Imports.date("joinedAt", r.joinedAt());
        String hash = ImportRecords.hash(name, email);
        Instant now = Instant.now();
        ImportRecord known = records.find(importer.source(), ImportRecord.Kind.MEMBER, externalId).orElse(null);
        if (known != null) {
            if (known.contentHash().equals(hash)) {
                return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.UNCHANGED, known.targetId(), null);
            }
            Resident resident = residents.findById(known.targetId()).orElseThrow();
            if (resident.isClaimed()) {
                return ImportOutcome.skipped(externalId, r.line(), resident.id(),
                        "signed in to Nanum since: their own name and email are kept");
            }
            if (!java.util.Objects.equals(resident.email(), email)) {
                // Whoever has this email may claim the member's history on first sign-in: a file alone
                // never changes it (decision 0008); a second person looks first.
                var waiting = approvals.pending(importer.source(), ImportApproval.Kind.EMAIL, externalId);
                if (waiting.isPresent()) {
                    return ImportOutcome.awaiting(externalId, r.line(), waiting.get().batchId(),
                            "sent before, and waiting for a second person's approval");
                }
                String why = "the member's email changes in the source: whoever has the new one could claim their "
                        + "history, so a second person checks it first";
                ImportApproval held = approvals.hold(importer, new ImportApproval.Change(ImportApproval.Kind.EMAIL, externalId,
                        r.line(), JSON.toJson(new EmailChange(resident.id(), name, email, hash)), null, null, null, 0, 0), why);
                return ImportOutcome.awaiting(externalId, r.line(), held.batchId(), why);
            }
            resident.refreshIdentity(resident.username(), name, email);
            known.imported(hash, null, null, r.line(), null, importer.residentId(), now);
            audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "resident.import-updated", "resident",
                    resident.id(), importer.source() + " " + externalId + " (line " + r.line() + ")");
            return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.UPDATED, resident.id(), null);
        }
        // A resident who already signed in with this email is not joined to the record: their
        // email was not necessarily verified, and history must not go to whoever typed it first.
        String review = email != null && residents.signedInWithEmail(email).isPresent()
                ? "a resident with this email already uses Nanum: the imported history is kept apart, for staff"
                : null;
        Resident resident = Resident.imported(username(importer.source(), externalId), name, email, now);
        residents.add(resident);
        if (resident.householdId() == null) {
            Household household = new Household(Imports.cut(name, 70), now);
            households.add(household);
            resident.joinHousehold(household);
        }
        ImportRecord record = new ImportRecord(importer.source(), ImportRecord.Kind.MEMBER, externalId, resident.id(), now);
        record.imported(hash, null, null, r.line(), review, importer.residentId(), now);
        records.add(record);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "resident.imported", "resident", resident.id(),
                importer.source() + " " + externalId + " (line " + r.line() + ")");
        return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.CREATED, resident.id(), review);
    }

    /** An unclaimed member's new name and email from their source, waiting for a second person. */
    public record EmailChange(String residentId, String name, String email, String hash) {
    }

    @Override
    public boolean applies(ImportApproval.Kind kind) {
        return kind == ImportApproval.Kind.EMAIL;
    }

    /** Approved: the member gets the new email, unless they signed in since (then theirs is kept). */
    @Override
    public String apply(ImportApproval a) {
        EmailChange c = JSON.fromJson(a.payload(), EmailChange.class);
        Resident resident = residents.findById(c.residentId()).orElseThrow();
        if (!resident.isClaimed()) {
            resident.refreshIdentity(resident.username(), c.name(), c.email());
            records.find(a.source(), ImportRecord.Kind.MEMBER, a.externalId()).ifPresent(known -> known.imported(c.hash(),
                    null, null, a.line(), null, a.requestedBy(), Instant.now()));
            audit.record(a.requestedBy(), AuditRecord.ActorKind.STAFF, "resident.import-updated", "resident", resident.id(),
                    a.source() + " " + a.externalId() + " (line " + a.line() + "), email approved by a second person");
        }
        return resident.id();
    }

    /** The member of a source, as imported. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Owner> member(String source, String externalId) {
        return records.find(source, ImportRecord.Kind.MEMBER, externalId)
                .flatMap(r -> residents.findById(r.targetId()))
                .map(r -> new Owner(r.id(), r.householdId()));
    }

    /**
     * The source's own account, made on first need: it owns the services and childcare of a source
     * that names no member (a network's listings), until staff give them to someone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Owner sourceAccount(Importer importer) {
        Optional<Owner> known = member(importer.source(), SOURCE_ACCOUNT);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = Instant.now();
        String name = Imports.cut(importer.source(), 60) + " (imported)";
        Resident resident = Resident.imported(username(importer.source(), SOURCE_ACCOUNT), name, null, now);
        residents.add(resident);
        Household household = new Household(name, now);
        households.add(household);
        resident.joinHousehold(household);
        ImportRecord record = new ImportRecord(importer.source(), ImportRecord.Kind.MEMBER, SOURCE_ACCOUNT, resident.id(), now);
        record.imported(ImportRecords.hash(name), null, null, 0, null, importer.residentId(), now);
        records.add(record);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "resident.imported", "resident", resident.id(),
                importer.source() + " " + SOURCE_ACCOUNT);
        residents.flush();
        return new Owner(resident.id(), household.id());
    }

    private static String username(String source, String externalId) {
        return Imports.cut("imported:" + source + ":" + externalId, 250);
    }
}
