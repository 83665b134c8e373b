package org.nanum.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.audit.PublicRecord;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;

/**
 * Imports cannot mint (decision 0008): what an imported record would do to the books beyond what
 * one person may do alone waits for a second person (maker and checker, as in a bank). A capability
 * asks {@link #waitsFor} before it posts a record, then either {@link #hold}s it (nothing posted;
 * the outcome is AWAITING_APPROVAL) or posts it and records it as {@link #auto}. Waiting are:
 * balances and transfers that leave a household beyond its floor or ceiling (the capability says
 * so), and whatever brings minutes out of the MIGRATION account once the importer's last 24 hours
 * of such minutes, this batch's included, pass TIMEBANK_IMPORT_REVIEW_MINUTES. An unclaimed
 * member's new email always waits.
 *
 * <p>The decision is a whole batch's: approved by a staff member who is a person (never a service
 * account), not the importer, and of no household the batch credits, or by an admin on the same
 * terms; then each record is applied by its capability ({@link Applier}). Audited, and on the
 * public transparency log.
 */
@ApplicationScoped
public class ImportApprovals {
    static final Duration WINDOW = Duration.ofHours(24);

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    PolicyService policy;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Instance<Applier> appliers;
    @Inject
    Event<PublicRecord> publicRecord;

    /** A capability's way to apply an approved record (HistoryImport: balances, transfers; MemberImport: emails). */
    public interface Applier {
        /** Whether this applier applies records of that kind. */
        boolean applies(ImportApproval.Kind kind);

        /**
         * Does what the record asked, in the caller's transaction, as the importer who asked it;
         * returns what it became (a transfer's id, a resident's), or null.
         */
        String apply(ImportApproval approval);
    }

    /** Who decides: their resident id, their household (null: none) and what they are. */
    public record Approver(String residentId, String householdId, SignedInUser user) {
    }

    /**
     * Why this record must wait for a second person, or null when it may go in now:
     * {@code beyondLimits} is the capability's own reason (a household beyond its floor or ceiling);
     * otherwise the batch's MIGRATION minutes ({@code batchMigrationMinutes}, all its records
     * together, counted once per batch by the caller) on top of the importer's last 24 hours.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String waitsFor(Importer importer, String beyondLimits, long batchMigrationMinutes) {
        if (beyondLimits != null) {
            return beyondLimits;
        }
        if (batchMigrationMinutes == 0) {
            return null;
        }
        int allowance = policy.value(Policy.TIMEBANK_IMPORT_REVIEW_MINUTES);
        long recent = recentMigrationMinutes(importer.residentId());
        if (recent + batchMigrationMinutes > allowance) {
            return "the batch brings " + batchMigrationMinutes + " minutes into circulation from imported history; with the "
                    + recent + " this importer brought in the last 24 hours that is over " + allowance
                    + " (policy TIMEBANK_IMPORT_REVIEW_MINUTES): a second person approves it";
        }
        return null;
    }

    /** Minutes an importer brought out of MIGRATION (either way) without a second person, in the last 24 hours. */
    long recentMigrationMinutes(String importer) {
        em.flush();
        Number n = (Number) em.createNativeQuery("select coalesce(sum(case when migration_minutes < 0 then -migration_minutes "
                        + "else migration_minutes end), 0) from import_approval where requested_by = ? and status = 'AUTO' "
                        + "and requested_at >= ?").setParameter(1, importer)
                .setParameter(2, java.time.OffsetDateTime.ofInstant(clock.instant().minus(WINDOW), java.time.ZoneOffset.UTC))
                .getSingleResult();
        return n.longValue();
    }

    /** The record waits: nothing of it is posted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportApproval hold(Importer importer, ImportApproval.Change change, String why) {
        ImportApproval a = new ImportApproval(importer, change, ImportApproval.Status.PENDING, Imports.cut(why, 500),
                clock.instant());
        em.persist(a);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "import.held", "import-batch", a.batchId(),
                importer.source() + " " + change.kind() + " " + Imports.cut(change.externalId(), 60) + ": " + Imports.cut(why, 300));
        return a;
    }

    /** The record went in at once (under the allowance): kept for the allowance and the money supply. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void auto(Importer importer, ImportApproval.Change change, String transferId) {
        ImportApproval a = new ImportApproval(importer, change, ImportApproval.Status.AUTO, null, clock.instant());
        a.applied(transferId);
        em.persist(a);
    }

    /** The record of that source waiting for a decision, if one does (a file sent again finds it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ImportApproval> pending(String source, ImportApproval.Kind kind, String externalId) {
        em.flush();
        return em.createQuery("select a from ImportApproval a where a.source = :s and a.kind = :k and a.externalId = :e "
                        + "and a.status = :p", ImportApproval.class).setParameter("s", source).setParameter("k", kind)
                .setParameter("e", externalId).setParameter("p", ImportApproval.Status.PENDING).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** What records still waiting would pay into (+) or take from (-) the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long pendingNet(String accountId) {
        em.flush();
        Number in = (Number) em.createNativeQuery("select coalesce(sum(minutes), 0) from import_approval where status = 'PENDING' "
                + "and account_id = ?").setParameter(1, accountId).getSingleResult();
        Number out = (Number) em.createNativeQuery("select coalesce(sum(minutes), 0) from import_approval where status = 'PENDING' "
                + "and from_account_id = ?").setParameter(1, accountId).getSingleResult();
        return in.longValue() - out.longValue();
    }

    /** Batches waiting, oldest first (50 records a page). */
    @Transactional
    public List<ImportApproval> waiting(int offset, int max) {
        return em.createQuery("select a from ImportApproval a where a.status = :p order by a.requestedAt, a.batchId, a.line",
                        ImportApproval.class).setParameter("p", ImportApproval.Status.PENDING).setFirstResult(offset)
                .setMaxResults(max).getResultList();
    }

    /**
     * A second person decides a batch: approved, each record is applied by its capability; rejected,
     * nothing is. Returns the batch's records as decided.
     */
    @Transactional
    public List<ImportApproval> decide(Approver approver, String batchId, boolean approve, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say what was checked, for the record");
        }
        if (approver.user().isServiceAccount()) {
            throw new NotASecondPersonException("A service account does not approve imports: a person does.");
        }
        if (!approver.user().hasRole(Roles.STAFF) && !approver.user().hasRole(Roles.ADMIN)) {
            throw new NotASecondPersonException("Staff or an admin approve imports.");
        }
        List<ImportApproval> batch = em.createQuery("select a from ImportApproval a where a.batchId = :b and a.status = :p "
                        + "order by a.line, a.id", ImportApproval.class).setParameter("b", batchId)
                .setParameter("p", ImportApproval.Status.PENDING).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (batch.isEmpty()) {
            throw new ApprovalNotFoundException(batchId);
        }
        for (ImportApproval a : batch) {
            if (a.requestedBy().equals(approver.residentId())) {
                throw new NotASecondPersonException("You imported this batch: another person approves it.");
            }
            if (approve && a.householdId() != null && a.householdId().equals(approver.householdId())) {
                throw new NotASecondPersonException("The batch credits your own household: another person approves it.");
            }
        }
        Instant now = clock.instant();
        for (ImportApproval a : batch) {
            a.decide(approver.residentId(), approve, reason.strip(), now);
            if (approve) {
                String target = appliers.stream().filter(x -> x.applies(a.kind())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no applier for " + a.kind())).apply(a);
                a.applied(target);
            }
        }
        audit.record(approver.residentId(), approver.user().hasRole(Roles.STAFF) ? AuditRecord.ActorKind.STAFF
                        : AuditRecord.ActorKind.ADMIN, approve ? "import.approved" : "import.rejected", "import-batch", batchId,
                batch.size() + " records of " + batch.get(0).source() + ": " + reason.strip());
        publicRecord.fire(new PublicRecord(approve ? "IMPORT_APPROVED" : "IMPORT_REJECTED", "IMPORT", batchId,
                approver.residentId(), approver.user().hasRole(Roles.STAFF) ? "staff" : "admin"));
        return batch;
    }

    public static class NotASecondPersonException extends ProblemException {
        public NotASecondPersonException(String why) {
            super(403, "not-a-second-person", "A second person decides this", why);
        }
    }

    public static class ApprovalNotFoundException extends ProblemException {
        public ApprovalNotFoundException(String batchId) {
            super(404, "approval-not-found", "Nothing waits in that batch",
                    "No import batch with the id " + batchId + " is waiting for a decision.");
        }
    }
}
