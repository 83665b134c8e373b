package org.nanum.timebank.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.nanum.catalogue.application.ListingService;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.audit.PublicRecord;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * Settles what households dissolved before decision 0008 left behind, once, at the first start
 * after the migration that made the rule (V22), by the same rule: sessions not settled are called
 * off (holds voided, the other household told), listings still up are withdrawn, and the balance
 * follows the last member into the household they live in now (a CARRIED transfer: their minutes,
 * or their debt), or, with nobody to follow, goes to the community pot (minutes to spare) or is
 * written off to it (a debt, on the public log as the platform's own act); then the account
 * closes. Each household is settled in its own transaction, so a start that stops half-way goes
 * on where it stopped; the report is one audit record. Runs on every node's start but does the
 * work once (it looks for its own record first; the account locks keep two nodes from settling
 * one household twice).
 */
@ApplicationScoped
public class LedgerRepair {
    public static final int ORDER = TimebankDemo.ORDER + 1;
    static final String DONE = "timebank.dissolved-households-settled";
    static final String REASON = "The household was dissolved before its sessions were settled (decision 0008).";
    private static final Logger LOG = Logger.getLogger(LedgerRepair.class.getName());

    @Inject
    LedgerRepair self;
    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    SessionService sessions;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;
    @Inject
    Event<PublicRecord> publicRecord;

    /** What was settled for one household: ids and minutes, nobody's name. */
    public record Settled(String householdId, int sessionsCalledOff, int listingsWithdrawn, long balance, String how,
                          String transferId) {
        String line() {
            return householdId + ": " + sessionsCalledOff + " sessions called off, " + listingsWithdrawn
                    + " listings withdrawn, balance " + balance + (how == null ? "" : " " + how);
        }
    }

    void start(@Observes @Priority(ORDER) Startup startup) {
        if (audit.count(DONE) > 0) {
            return;
        }
        List<Settled> settled = repair();
        if (!settled.isEmpty()) {
            LOG.info("Settled " + settled.size() + " households dissolved before decision 0008 (audit: " + DONE + ")");
        }
    }

    /**
     * Settles every dissolved household that still holds something; returns what it did. Runs by
     * itself once; an admin may run it again (after restoring a backup, say): what is settled stays.
     */
    public List<Settled> repair() {
        List<Settled> settled = new ArrayList<>();
        for (String household : residents.dissolvedHouseholds()) {
            Settled s = self.settle(household);
            if (s != null) {
                settled.add(s);
            }
        }
        self.record(settled);
        return settled;
    }

    /** One household, in a transaction of its own; null when nothing was left behind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Settled settle(String householdId) {
        Account account = store.accountOfHousehold(householdId).orElse(null);
        if (account != null) {
            store.lockBalances(account.id());
            account = store.fresh(account);
            if (account.isClosed()) {
                return null;
            }
        }
        String last = audit.lastActor("household.dissolved", "household", householdId).orElse(null);
        String lastHousehold = last == null ? null : residents.byId(last).map(ResidentDirectory.Who::householdId)
                .filter(h -> !residents.isDissolved(h)).orElse(null);
        int calledOff = sessions.callOffLeftBehind(householdId, REASON);
        int withdrawn = listings.withdrawLeftBehind(householdId, lastHousehold == null ? last : null).size();
        long balance = 0;
        String how = null;
        Transfer t = null;
        if (account != null) {
            balance = store.fresh(account).balance();
            String follow = lastHousehold == null ? null : ledger.openFor(lastHousehold).id();
            if (balance > 0 && follow != null && ledger.mayReceive(follow, (int) balance)) {
                t = ledger.carry(account.id(), follow, (int) balance);
                how = "carried to the household its last member lives in now";
            } else if (balance > 0) {
                t = ledger.carry(account.id(), Account.POT, (int) balance);
                how = "given to the community pot";
            } else if (balance < 0 && follow != null) {
                t = ledger.carry(follow, account.id(), (int) -balance);
                how = "owed now by the household its last member lives in";
            } else if (balance < 0) {
                t = ledger.writeOff(account.id(), (int) -balance);
                how = "written off to the community pot";
                publicRecord.fire(new PublicRecord("WRITTEN_OFF", "TIMEBANK", t.id(), null, "system"));
            }
            ledger.close(account.id());
        }
        if (account == null && calledOff == 0 && withdrawn == 0) {
            return null;
        }
        Settled s = new Settled(householdId, calledOff, withdrawn, balance, how, t == null ? null : t.id());
        audit.record(null, AuditRecord.ActorKind.SYSTEM, "timebank.household-settled", "household", householdId,
                s.line() + (t == null ? "" : " (transfer " + t.id() + ")"));
        return s;
    }

    /** The report: how many households, and each one's line as far as the record holds. */
    @Transactional
    public void record(List<Settled> settled) {
        StringBuilder report = new StringBuilder(settled.size() + " dissolved households settled");
        for (Settled s : settled) {
            if (report.length() + s.line().length() > 1900) {
                report.append("; … (each household's own record: timebank.household-settled)");
                break;
            }
            report.append("; ").append(s.line());
        }
        audit.record(null, AuditRecord.ActorKind.SYSTEM, DONE, "timebank", "dissolved-households", report.toString());
    }
}
