package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.JournalEntry;
import org.nanum.timebank.domain.TimebankProblems.AccountClosedException;
import org.nanum.timebank.domain.TimebankProblems.LimitReachedException;
import org.nanum.timebank.domain.TimebankProblems.TransferNotFoundException;
import org.nanum.timebank.domain.TimebankProblems.TransferNotPendingException;
import org.nanum.timebank.domain.TimebankProblems.TransferNotReversibleException;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.infrastructure.LedgerStore;

/**
 * The books. Every change to a balance goes through here, inside the caller's transaction, with
 * both accounts' rows locked (in id order, so two transfers between the same accounts never
 * deadlock): the limits are checked against the balances the locks found, both sides change
 * together by relative updates ({@code balance = balance + ?}, as a hand-written transaction
 * would; never by writing back an object's copy), and the journal gets its entry in the same
 * commit. Minutes are never created or destroyed: the
 * balances always sum to zero.
 */
@ApplicationScoped
public class Ledger {
    @Inject
    LedgerStore store;
    @Inject
    PolicyService policy;
    @Inject
    Clock clock;
    @Inject
    ResidentDirectory residents;

    /**
     * The household's account, opened on its first use. It opens empty: minutes come in by
     * exchanges, and by each resident's welcome grant ({@link WelcomeGrants}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account openFor(String householdId) {
        Account existing = store.accountOfHousehold(householdId).orElse(null);
        if (existing != null) {
            return existing;
        }
        store.lockHousehold(householdId);
        return store.accountOfHousehold(householdId).orElseGet(() -> {
            Account account = Account.ofHousehold(householdId, clock.instant());
            store.add(account);
            return store.fresh(account);
        });
    }

    /**
     * The account of a household that comes with imported history (data-import): like any other,
     * it opens empty; its balance is the one its time bank kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account openImported(String householdId) {
        return openFor(householdId);
    }

    /**
     * History another time bank recorded (IMPORTED) or an opening balance (OPENING): posted with
     * the date it happened, exempt from today's limits (history may have broken them), and still
     * double-entry: the minutes leave one account and reach the other. The journal records it now,
     * so the hash chain stays in the order things were written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer recordHistory(String from, String to, int minutes, Transfer.Kind kind, Instant happenedAt) {
        if (kind != Transfer.Kind.IMPORTED && kind != Transfer.Kind.OPENING) {
            throw new IllegalArgumentException("only imported history is exempt from the limits");
        }
        requireOpen(lock(from, to));
        store.change(from, -minutes, 0, 0);
        store.change(to, minutes, 0, 0);
        Transfer t = new Transfer(null, from, to, minutes, kind, false, null, null, happenedAt);
        store.add(t, new JournalEntry(t, JournalEntry.Entry.POST, minutes, clock.instant()));
        return t;
    }

    /** Moves minutes at once; refused (nothing written) when a limit would be broken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer pay(String transferId, String from, String to, int minutes, Transfer.Kind kind, String reverses,
                        String sessionId) {
        Pair p = lock(from, to);
        requireLimits(p, minutes);
        store.change(from, -minutes, 0, 0);
        store.change(to, minutes, 0, 0);
        Instant now = clock.instant();
        Transfer t = new Transfer(transferId, from, to, minutes, kind, false, reverses, sessionId, now);
        store.add(t, new JournalEntry(t, JournalEntry.Entry.POST, minutes, now));
        return t;
    }

    /** Holds minutes for a session: they count against the payer's floor and the payee's ceiling. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer hold(String from, String to, int minutes, String sessionId) {
        Pair p = lock(from, to);
        requireLimits(p, minutes);
        store.change(from, 0, minutes, 0);
        store.change(to, 0, 0, minutes);
        Instant now = clock.instant();
        Transfer t = new Transfer(null, from, to, minutes, Transfer.Kind.SESSION, true, null, sessionId, now);
        store.add(t, new JournalEntry(t, JournalEntry.Entry.HOLD, minutes, now));
        return t;
    }

    /**
     * Posts held minutes, for {@code finalMinutes} (the duration both sides agreed): the hold is
     * released and the final minutes move. More than was held must still fit the limits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer post(String transferId, int finalMinutes) {
        Transfer t = store.lockTransfer(transferId).orElseThrow(() -> new TransferNotFoundException(transferId));
        if (t.status() != Transfer.Status.PENDING) {
            throw new TransferNotPendingException(t.status());
        }
        Pair locked = lock(t.fromAccount(), t.toAccount());
        // The hold is released, then the final minutes must fit as any payment would.
        Pair p = new Pair(locked.from.withHeld(locked.from.held() - t.minutes(), locked.from.incoming()),
                locked.to.withHeld(locked.to.held(), locked.to.incoming() - t.minutes()));
        requireLimits(p, finalMinutes);
        store.change(t.fromAccount(), -finalMinutes, -t.minutes(), 0);
        store.change(t.toAccount(), finalMinutes, 0, -t.minutes());
        Instant now = clock.instant();
        t.post(finalMinutes, now);
        store.add(new JournalEntry(t, JournalEntry.Entry.POST, finalMinutes, now));
        return t;
    }

    /** Releases held minutes: nothing moves (a cancelled session, a no-show). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer voidHold(String transferId) {
        Transfer t = store.lockTransfer(transferId).orElseThrow(() -> new TransferNotFoundException(transferId));
        if (t.status() != Transfer.Status.PENDING) {
            throw new TransferNotPendingException(t.status());
        }
        lock(t.fromAccount(), t.toAccount());
        store.change(t.fromAccount(), 0, -t.minutes(), 0);
        store.change(t.toAccount(), 0, 0, -t.minutes());
        Instant now = clock.instant();
        t.voidIt(now);
        store.add(new JournalEntry(t, JournalEntry.Entry.VOID, t.minutes(), now));
        return t;
    }

    /** A correction: the posted minutes go back, in a new transfer that points to the original (once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer reverse(String transferId) {
        Transfer t = store.lockTransfer(transferId).orElseThrow(() -> new TransferNotFoundException(transferId));
        if (t.status() != Transfer.Status.POSTED) {
            throw new TransferNotReversibleException("Only posted minutes can be reversed; this transfer is " + t.status() + ".");
        }
        if (t.kind() == Transfer.Kind.REVERSAL) {
            throw new TransferNotReversibleException("This is a reversal itself; make a new transfer instead.");
        }
        if (store.isReversed(t.id())) {
            throw new TransferNotReversibleException("This transfer was reversed already.");
        }
        if (t.kind() == Transfer.Kind.IMPORTED || t.kind() == Transfer.Kind.OPENING) {
            // A correction of imported history is history too: exempt from today's limits, as the original was.
            Pair p = lock(t.toAccount(), t.fromAccount());
            requireOpen(p);
            return move(p, t.postedMinutes(), Transfer.Kind.REVERSAL, t.id());
        }
        return pay(null, t.toAccount(), t.fromAccount(), t.postedMinutes(), Transfer.Kind.REVERSAL, t.id(), t.sessionId());
    }

    /**
     * A debt written off to the community pot (staff, with a reason; or settling a household
     * dissolved before decision 0008): the pot pays the household back to zero. The pot may go
     * below zero this way only (the community carries the debt; grants need minutes in it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer writeOff(String accountId, int minutes) {
        Pair p = lock(Account.POT, accountId);
        if (p.to.balance() + minutes > 0) {
            throw new IllegalArgumentException("a write-off brings a debt to zero at most");
        }
        return move(p, minutes, Transfer.Kind.WRITE_OFF, null);
    }

    /**
     * A dissolved household's balance moved where its last member lives now, or to the community
     * pot (LedgerRepair only: households dissolved with minutes before decision 0008). Exempt from
     * limits, like any correction of history; never from the check that explains it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer carry(String from, String to, int minutes) {
        return move(lock(from, to), minutes, Transfer.Kind.CARRIED, null);
    }

    private Transfer move(Pair p, int minutes, Transfer.Kind kind, String reverses) {
        store.change(p.from.id(), -minutes, 0, 0);
        store.change(p.to.id(), minutes, 0, 0);
        Instant now = clock.instant();
        Transfer t = new Transfer(null, p.from.id(), p.to.id(), minutes, kind, false, reverses, null, now);
        store.add(t, new JournalEntry(t, JournalEntry.Entry.POST, minutes, now));
        return t;
    }

    /**
     * Whether the account could receive {@code minutes} now (open, and under its ceiling), as last
     * committed: a look before a transfer, which checks again under its locks. No lock here, so that
     * the transfer takes its locks in their one order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayReceive(String accountId, int minutes) {
        Account a = store.account(accountId).map(store::fresh).orElseThrow(() -> new TransferNotFoundException(accountId));
        return !a.isClosed() && limitsOf(accountId).mayReceive(new Account.Balances(a.id(), a.balance(), a.held(),
                a.incoming()), minutes);
    }

    /** Closes the account of a dissolved household (nothing is left on it: see HouseholdService). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(String accountId) {
        store.lockBalances(accountId);
        store.close(accountId, clock.instant());
    }

    /** The limits in force for an account. */
    public Account.Limits limitsOf(Account a) {
        return limitsOf(a.id());
    }

    /** What the account may pay now: down to its floor, or to zero while its household may not go below zero. */
    public long available(Account a) {
        Account.Limits limits = limitsOf(a);
        long available = a.available(limits);
        if (a.kind() == Account.Kind.HOUSEHOLD && available > a.balance() - a.held() && !mayOwe(a.householdId())) {
            return Math.max(0, a.balance() - a.held());
        }
        return available;
    }

    /**
     * Whether a household may go below zero: always, unless policy TIMEBANK_CREDIT_NEEDS_RESIDENCY
     * says one of its members must have verified residency (then throwaway accounts cannot owe).
     */
    public boolean mayOwe(String householdId) {
        return !creditNeedsResidency() || householdId == null || residents.hasVerifiedMember(householdId, null);
    }

    /** Policy TIMEBANK_CREDIT_NEEDS_RESIDENCY: only households with a verified member may owe minutes. */
    public boolean creditNeedsResidency() {
        return policy.value(Policy.TIMEBANK_CREDIT_NEEDS_RESIDENCY) != 0;
    }

    private record Pair(Account.Balances from, Account.Balances to) {
    }

    /** Locks both accounts' rows, the lower id first (so two transfers never wait for each other in a circle). */
    private Pair lock(String from, String to) {
        boolean fromFirst = from.compareTo(to) < 0;
        Account.Balances first = store.lockBalances(fromFirst ? from : to)
                .orElseThrow(() -> new TransferNotFoundException(fromFirst ? from : to));
        Account.Balances second = store.lockBalances(fromFirst ? to : from)
                .orElseThrow(() -> new TransferNotFoundException(fromFirst ? to : from));
        return fromFirst ? new Pair(first, second) : new Pair(second, first);
    }

    private Account.Limits limitsOf(String accountId) {
        return Account.limitsOf(accountId, policy.value(Policy.TIMEBANK_FLOOR_MINUTES),
                policy.value(Policy.TIMEBANK_CEILING_MINUTES));
    }

    private static void requireOpen(Pair p) {
        if (p.from.closed() || p.to.closed()) {
            throw new AccountClosedException(p.to.closed() ? "to" : "from");
        }
    }

    private void requireLimits(Pair p, int minutes) {
        requireOpen(p);
        Account.Limits payer = limitsOf(p.from.id());
        if (!payer.mayPay(p.from, minutes)) {
            long can = Math.max(0, payer.available(p.from));
            throw new LimitReachedException(Account.kindOf(p.from.id()) == Account.Kind.HOUSEHOLD
                    ? "The paying household's account may not go below " + payer.floor() + " minutes (policy "
                    + "TIMEBANK_FLOOR_MINUTES; held minutes count): it can pay at most " + can + " minutes now."
                    : "The community pot holds only " + can + " minutes.");
        }
        if (p.from.householdId() != null && p.from.balance() - p.from.held() - minutes < 0 && !mayOwe(p.from.householdId())) {
            throw new LimitReachedException("The paying household may not go below zero until a member's residency is "
                    + "verified by city staff (policy TIMEBANK_CREDIT_NEEDS_RESIDENCY; held minutes count): it can pay at "
                    + "most " + Math.max(0, p.from.balance() - p.from.held()) + " minutes now.");
        }
        Account.Limits payee = limitsOf(p.to.id());
        if (!payee.mayReceive(p.to, minutes)) {
            throw new LimitReachedException("The receiving household's account may not go above " + payee.ceiling()
                    + " minutes (policy TIMEBANK_CEILING_MINUTES; minutes held for it count).");
        }
    }
}
