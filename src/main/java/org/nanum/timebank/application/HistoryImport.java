package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.imports.ImportBatches;
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
 */
@ApplicationScoped
public class HistoryImport {
    /** The member id sources use for the time bank's own account (data-import's ImportedTransfer.TIME_BANK). */
    public static final String TIME_BANK = "time-bank";
    static final int MOST_MINUTES = 1_000_000;

    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    ImportRecords records;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importTransfers(Importer importer, List<ImportedTransfer> batch) {
        return ImportBatches.each(batch, r -> importTransfer(importer, r));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ImportOutcome> importBalances(Importer importer, List<ImportedBalance> batch) {
        return ImportBatches.each(batch, r -> importBalance(importer, r));
    }

    private ImportOutcome importTransfer(Importer importer, ImportedTransfer r) {
        String externalId = Imports.externalId(r.externalId());
        if (r.minutes() == null || r.minutes() < 1 || r.minutes() > MOST_MINUTES) {
            throw new RecordRejected("minutes", "between 1 and " + MOST_MINUTES);
        }
        if (r.at() == null) {
            throw new RecordRejected("at", "when it happened is required");
        }
        Instant now = Instant.now();
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
        String fromAccount = account(importer, "fromMember", from);
        String toAccount = account(importer, "toMember", to);
        Transfer t = ledger.recordHistory(fromAccount, toAccount, r.minutes(), Transfer.Kind.IMPORTED, r.at());
        String listingId = post == null ? null : records.find(importer.source(), ImportRecord.Kind.LISTING, post)
                .map(ImportRecord::targetId).orElse(null);
        String byResident = TIME_BANK.equals(from) ? null
                : members.member(importer.source(), from).map(MemberImport.Owner::residentId).orElse(null);
        if (memo != null || listingId != null) {
            store.add(new TransferNote(t.id(), byResident, memo, listingId));
        }
        ImportRecord record = new ImportRecord(importer.source(), ImportRecord.Kind.TRANSFER, externalId, t.id(), now);
        record.imported(hash, null, r.at(), r.line(), null, importer.residentId(), now);
        records.add(record);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "timebank.transfer-imported", "transfer", t.id(),
                importer.source() + " " + externalId + " (line " + r.line() + ")");
        return ImportOutcome.done(externalId, r.line(), ImportOutcome.Result.CREATED, t.id(), null);
    }

    private ImportOutcome importBalance(Importer importer, ImportedBalance r) {
        String member = Imports.externalId(r.externalId());
        if (r.minutes() == null || Math.abs((long) r.minutes()) > MOST_MINUTES * 10L) {
            throw new RecordRejected("minutes", "between " + -MOST_MINUTES * 10 + " and " + MOST_MINUTES * 10);
        }
        String account = account(importer, "externalId", member);
        LedgerStore.ImportedHistory history = store.importedHistory(account);
        long gap = r.minutes() - history.net();
        ImportRecord known = records.find(importer.source(), ImportRecord.Kind.BALANCE, member).orElse(null);
        if (gap == 0) {
            return ImportOutcome.done(member, r.line(), ImportOutcome.Result.UNCHANGED,
                    known == null ? null : known.targetId(), null);
        }
        Instant now = Instant.now();
        Instant at = history.first() == null ? now : history.first().minusSeconds(1);
        Transfer t = gap > 0
                ? ledger.recordHistory(Account.MIGRATION, account, (int) gap, Transfer.Kind.OPENING, at)
                : ledger.recordHistory(account, Account.MIGRATION, (int) -gap, Transfer.Kind.OPENING, at);
        String hash = ImportRecords.hash(r.minutes());
        if (known == null) {
            known = new ImportRecord(importer.source(), ImportRecord.Kind.BALANCE, member, t.id(), now);
            records.add(known);
        }
        boolean created = known.contentHash() == null;
        known.retarget(t.id());
        known.imported(hash, null, null, r.line(), null, importer.residentId(), now);
        audit.record(importer.residentId(), AuditRecord.ActorKind.STAFF, "timebank.opening-balance-imported", "transfer",
                t.id(), importer.source() + " " + member + ": " + r.minutes() + " minutes (line " + r.line() + ")");
        return ImportOutcome.done(member, r.line(), created ? ImportOutcome.Result.CREATED : ImportOutcome.Result.UPDATED,
                t.id(), null);
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
}
