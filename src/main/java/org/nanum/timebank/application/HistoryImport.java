package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.imports.ImportApproval;
import org.nanum.platform.imports.ImportApprovals;
import org.nanum.platform.imports.ImportOutcome;
import org.nanum.platform.imports.ImportRecord;
import org.nanum.platform.imports.ImportRecords;
import org.nanum.platform.imports.Importer;
import org.nanum.platform.imports.Imports;
import org.nanum.platform.imports.RecordRejected;
import org.nanum.platform.imports.SourceRecord;
import org.nanum.residents.application.MemberImport;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * Another time bank's history (data-import). Each transfer becomes a posted transfer with its
 * original date between the members' household accounts (the source time bank's own account is
 * Nanum's MIGRATION account), exempt from today's limits because history may have broken them.
 * Where the history is partial, a member's balance as the old system shows it is reached with an
 * OPENING transfer from the MIGRATION account, dated just before their first imported transfer.
 * Minutes are never created: every imported minute leaves one account for another, so the books
 * still balance and the journal's chain covers them like any other entry.
 *
 * <p>Imports cannot mint (decision 0008). A batch is planned whole before anything is posted;
 * then a record that would leave a household beyond its floor or ceiling, and every record that
 * brings minutes out of (or into) MIGRATION once the batch's total and the importer's last 24
 * hours pass TIMEBANK_IMPORT_REVIEW_MINUTES, waits for a second person ({@link ImportApprovals}):
 * nothing of it is posted until its batch is approved, and records waiting count in the history
 * later balances are reached from, so approving late never counts a minute twice.
 */
@ApplicationScoped
public class HistoryImport implements ImportApprovals.Applier {
    /** The member id sources use for the time bank's own account (data-import's ImportedTransfer.TIME_BANK). */
    public static final String TIME_BANK = "time-bank";
    static final int MOST_MINUTES = 1_000_000;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    ImportRecords records;
    @Inject
    ImportApprovals approvals;
    @Inject
    MemberImport members;
    @Inject
    AuditLog audit;

    @Schema(name = "ImportedTransfer", description = "Time one member gave another in the source time bank; "
            + "'time-bank' stands for the time bank's own account.")
    public record ImportedTransfer(String externalId, int line, String fromMember, String toMember, Integer minutes,
                                 Instant at, String memo, String postExternalId) implements SourceRecord {
    }

    @Schema(name = "ImportedBalance", description = "A member's balance in the source time bank, in minutes "
            + "(negative when they owe time): their imported history is brought to it.")
    public record ImportedBalance(String externalId, int line, Integer minutes) implements SourceRecord {
    }

    /** An imported transfer checked and ready to post (or to wait): what an approval applies. */
    public record TransferPlan(String externalId, int line, String fromMember, String from, String to, int minutes,
                               Instant at, String memo, String post, String hash) {
    }

    /** An opening balance checked and ready to post (or to wait): the gap to close, and from when. */
    public record BalancePlan(String member, int line, int balance, String account, long gap, Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importTransfers(Importer importer, List<ImportedTransfer> batch) {
        Outcomes<TransferPlan> planned = new Outcomes<>(batch.size());
        Map<String, Long> moved = new HashMap<>();
        long migration = 0;
        for (ImportedTransfer r : batch) {
            try {
                if (r == null) {
                    throw new RecordRejected("records", "a record cannot be null");
                }
                Object p = planTransfer(importer, r);
                if (p instanceof TransferPlan t) {
                    migration += migrationMinutes(t.from(), t.to(), t.minutes());
                }
                planned.add(p);
            } catch (RecordRejected rejected) {
                planned.add(ImportOutcome.error(r == null ? null : r.externalId(), r == null ? 0 : r.line(), rejected));
            }
        }
        String batchWhy = approvals.waitsFor(importer, null, migration);
        return planned.each(t -> {
            String why = batchWhy != null ? batchWhy : beyondLimits(moved, t.from(), t.to(), t.minutes());
            moved.merge(t.from(), (long) -t.minutes(), Long::sum);
            moved.merge(t.to(), (long) t.minutes(), Long::sum);
            ImportApproval.Change change = change(t);
            if (why != null) {
                ImportApproval held = approvals.hold(importer, change, why);
                return ImportOutcome.awaiting(t.externalId(), t.line(), held.batchId(), why);
            }
            Transfer posted = postTransfer(importer, t);
            if (change.migrationMinutes() != 0) {
                approvals.auto(importer, change, posted.id());
            }
            return ImportOutcome.done(t.externalId(), t.line(), ImportOutcome.Result.CREATED, posted.id(), null);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importBalances(Importer importer, List<ImportedBalance> batch) {
        Outcomes<BalancePlan> planned = new Outcomes<>(batch.size());
        Map<String, Long> gaps = new HashMap<>();
        long migration = 0;
        for (ImportedBalance r : batch) {
            try {
                if (r == null) {
                    throw new RecordRejected("records", "a record cannot be null");
                }
                Object p = planBalance(importer, r, gaps);
                if (p instanceof BalancePlan b) {
                    migration += Math.abs(b.gap());
                    gaps.merge(b.account(), b.gap(), Long::sum);
                }
                planned.add(p);
            } catch (RecordRejected rejected) {
                planned.add(ImportOutcome.error(r == null ? null : r.externalId(), r == null ? 0 : r.line(), rejected));
            }
        }
        String batchWhy = approvals.waitsFor(importer, null, migration);
        return planned.each(b -> {
            String why = batchWhy != null ? batchWhy : beyondLimits(Map.of(), b.gap() > 0 ? Account.MIGRATION : b.account(),
                    b.gap() > 0 ? b.account() : Account.MIGRATION, (int) Math.abs(b.gap()));
            ImportApproval.Change change = change(b);
            if (why != null) {
                ImportApproval held = approvals.hold(importer, change, why);
                return ImportOutcome.awaiting(b.member(), b.line(), held.batchId(), why);
            }
            ImportRecord known = records.find(importer.source(), ImportRecord.Kind.BALANCE, b.member()).orElse(null);
            boolean created = known == null || known.contentHash() == null;
            Transfer t = postBalance(importer, b);
            approvals.auto(importer, change, t.id());
            return ImportOutcome.done(b.member(), b.line(), created ? ImportOutcome.Result.CREATED
                    : ImportOutcome.Result.UPDATED, t.id(), null);
        });
    }

    @Override
    public boolean applies(ImportApproval.Kind kind) {
        return kind == ImportApproval.Kind.BALANCE || kind == ImportApproval.Kind.TRANSFER;
    }

    /** A second person approved it: posted now, as its importer asked, with its original date. */
    @Override
    public String apply(ImportApproval a) {
        Importer importer = new Importer(a.requestedBy(), a.source(), false, a.batchId());
        return a.kind() == ImportApproval.Kind.BALANCE
                ? postBalance(importer, JSON.fromJson(a.payload(), BalancePlan.class)).id()
                : postTransfer(importer, JSON.fromJson(a.payload(), TransferPlan.class)).id();
    }

    /** The transfer's plan, or its outcome when there is nothing to post (unchanged, or waiting already). */
    private Object planTransfer(Importer importer, ImportedTransfer r) {
        String externalId = Imports.externalId(r.externalId());
        if (r.minutes() == null || r.minutes() < 1 || r.minutes() > MOST_MINUTES) {
            throw new RecordRejected("minutes", "between 1 and " + MOST_MINUTES);
        }
        if (r.at() == null) {
            throw new RecordRejected("at", "when it happened is required");
        }
        Imports.date("at", r.at());
        String memo = Imports.text("memo", r.memo(), 500, false);
        String from = Imports.text("fromMember", r.fromMember(), 200, true);
        String to = Imports.text("toMember", r.toMember(), 200, true);
        if (from.equals(to)) {
            throw new RecordRejected("toMember", "the same as fromMember");
        }
        String post = Imports.text("postExternalId", r.postExternalId(), 200, false);
        String hash = ImportRecords.hash(from, to, r.minutes(), r.at(), memo, post);
        ImportRecord known = records.find(importer.source(), ImportRecord.Kind.TRANSFER, externalId).orElse(null);
        if (known != null) {
            if (known.contentHash().equals(hash)) {
                return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.UNCHANGED, known.targetId(), null);
            }
            throw new RecordRejected("externalId", "this transfer was imported with other values; a transfer does not "
                    + "change: correct it in Nanum with a reversal");
        }
        var waiting = approvals.pending(importer.source(), ImportApproval.Kind.TRANSFER, externalId);
        if (waiting.isPresent()) {
            return ImportOutcome.awaiting(externalId, r.line(), waiting.get().batchId(),
                    "sent before, and waiting for a second person's approval");
        }
        String fromAccount = account(importer, "fromMember", from);
        String toAccount = account(importer, "toMember", to);
        return new TransferPlan(externalId, r.line(), from, fromAccount, toAccount, r.minutes(), r.at(), memo, post, hash);
    }

    /** The balance's plan, or its outcome when there is nothing to post. {@code planned}: gaps planned earlier in the batch. */
    private Object planBalance(Importer importer, ImportedBalance r, Map<String, Long> planned) {
        String member = Imports.externalId(r.externalId());
        if (r.minutes() == null || Math.abs((long) r.minutes()) > MOST_MINUTES * 10L) {
            throw new RecordRejected("minutes", "between " + -MOST_MINUTES * 10 + " and " + MOST_MINUTES * 10);
        }
        var waiting = approvals.pending(importer.source(), ImportApproval.Kind.BALANCE, member);
        if (waiting.isPresent()) {
            return ImportOutcome.awaiting(member, r.line(), waiting.get().batchId(),
                    "sent before, and waiting for a second person's approval");
        }
        String account = account(importer, "externalId", member);
        LedgerStore.ImportedHistory history = store.importedHistory(account);
        long gap = r.minutes() - history.net() - approvals.pendingNet(account) - planned.getOrDefault(account, 0L);
        if (gap == 0) {
            ImportRecord known = records.find(importer.source(), ImportRecord.Kind.BALANCE, member).orElse(null);
            return ImportOutcome.done(member, r.line(), ImportOutcome.Result.UNCHANGED,
                    known == null ? null : known.targetId(), null);
        }
        Instant at = history.first() == null ? Instant.now() : history.first().minusSeconds(1);
        return new BalancePlan(member, r.line(), r.minutes(), account, gap, at);
    }

    /**
     * Why moving {@code minutes} from one account to another would need a second person: a
     * household left beyond its floor or ceiling (counting what this batch moved before), or null.
     */
    private String beyondLimits(Map<String, Long> moved, String from, String to, int minutes) {
        for (String id : new String[] {from, to}) {
            Account a = store.account(id).orElseThrow();
            if (a.kind() != Account.Kind.HOUSEHOLD) {
                continue;
            }
            long after = store.fresh(a).balance() + moved.getOrDefault(id, 0L) + (id.equals(to) ? minutes : -minutes);
            Account.Limits limits = ledger.limitsOf(a);
            if (after < limits.floor() || after > limits.ceiling()) {
                return "a household's balance would be " + after + " minutes, beyond its floor (" + limits.floor()
                        + ") or ceiling (" + limits.ceiling() + "): a second person approves it";
            }
        }
        return null;
    }

    private static long migrationMinutes(String from, String to, long minutes) {
        return Account.MIGRATION.equals(from) ? minutes : Account.MIGRATION.equals(to) ? -minutes : 0;
    }

    private ImportApproval.Change change(TransferPlan t) {
        return new ImportApproval.Change(ImportApproval.Kind.TRANSFER, t.externalId(), t.line(), JSON.toJson(t), t.to(),
                t.from(), householdOf(t.to()), t.minutes(), migrationMinutes(t.from(), t.to(), t.minutes()));
    }

    private ImportApproval.Change change(BalancePlan b) {
        return new ImportApproval.Change(ImportApproval.Kind.BALANCE, b.member(), b.line(), JSON.toJson(b), b.account(),
                null, b.gap() > 0 ? householdOf(b.account()) : null, b.gap(), b.gap());
    }

    private String householdOf(String accountId) {
        return store.account(accountId).map(Account::householdId).orElse(null);
    }

    private Transfer postTransfer(Importer importer, TransferPlan p) {
        Instant now = Instant.now();
        Transfer t = ledger.recordHistory(p.from(), p.to(), p.minutes(), Transfer.Kind.IMPORTED, p.at());
        String listingId = p.post() == null ? null : records.find(importer.source(), ImportRecord.Kind.LISTING, p.post())
                .map(ImportRecord::targetId).orElse(null);
        String byResident = TIME_BANK.equals(p.fromMember()) ? null
                : members.member(importer.source(), p.fromMember()).map(MemberImport.Owner::residentId).orElse(null);
        if (p.memo() != null || listingId != null) {
            store.add(new TransferNote(t.id(), byResident, p.memo(), listingId));
        }
        ImportRecord record = new ImportRecord(importer.source(), ImportRecord.Kind.TRANSFER, p.externalId(), t.id(), now);
        record.imported(p.hash(), null, p.at(), p.line(), null, importer.residentId(), now);
        records.add(record);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "timebank.transfer-imported", "transfer", t.id(),
                importer.source() + " " + p.externalId() + " (line " + p.line() + ")");
        return t;
    }

    private Transfer postBalance(Importer importer, BalancePlan b) {
        Instant now = Instant.now();
        Transfer t = b.gap() > 0
                ? ledger.recordHistory(Account.MIGRATION, b.account(), (int) b.gap(), Transfer.Kind.OPENING, b.at())
                : ledger.recordHistory(b.account(), Account.MIGRATION, (int) -b.gap(), Transfer.Kind.OPENING, b.at());
        ImportRecord known = records.find(importer.source(), ImportRecord.Kind.BALANCE, b.member()).orElse(null);
        if (known == null) {
            known = new ImportRecord(importer.source(), ImportRecord.Kind.BALANCE, b.member(), t.id(), now);
            records.add(known);
        }
        known.retarget(t.id());
        known.imported(ImportRecords.hash(b.balance()), null, null, b.line(), null, importer.residentId(), now);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "timebank.opening-balance-imported", "transfer",
                t.id(), importer.source() + " " + b.member() + ": " + b.balance() + " minutes (line " + b.line() + ")");
        return t;
    }

    /** The account of a member of the source (opened for them if need be), or the MIGRATION account. */
    private String account(Importer importer, String field, String member) {
        if (TIME_BANK.equals(member)) {
            return Account.MIGRATION;
        }
        MemberImport.Owner owner = members.member(importer.source(), member).orElseThrow(() -> new RecordRejected(field,
                "no member '" + Imports.cut(member, 60) + "' was imported from " + importer.source()
                        + "; import the members first"));
        if (owner.householdId() == null) {
            throw new RecordRejected(field, "the member has left their household; staff should look at it");
        }
        return ledger.openImported(owner.householdId()).id();
    }

    /** A batch's outcomes in its order: those decided while planning, and the plans' once they are carried out. */
    private static final class Outcomes<P> {
        private final List<Object> items;

        Outcomes(int size) {
            items = new ArrayList<>(size);
        }

        void add(Object outcomeOrPlan) {
            items.add(outcomeOrPlan);
        }

        @SuppressWarnings("unchecked")
        List<ImportOutcome> each(java.util.function.Function<P, ImportOutcome> carryOut) {
            List<ImportOutcome> out = new ArrayList<>(items.size());
            for (Object o : items) {
                out.add(o instanceof ImportOutcome done ? done : carryOut.apply((P) o));
            }
            return out;
        }
    }
}
