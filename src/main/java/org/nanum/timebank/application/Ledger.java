package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.JournalEntry;
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

    /**
     * The household's account, opened on its first use with the welcome grant from the city's
     * issuer (policy TIMEBANK_WELCOME_GRANT_MINUTES).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account openFor(String householdId) {
        Account existing = store.accountOfHousehold(householdId).orElse(null);
        if (existing != null) {
            return existing;
        }
        store.lockHousehold(householdId);
        existing = store.accountOfHousehold(householdId).orElse(null);
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        Account account = Account.ofHousehold(householdId, now);
        store.add(account);
        int grant = policy.value(Policy.TIMEBANK_WELCOME_GRANT_MINUTES);
        if (grant > 0) {
            pay(null, Account.ISSUER, account.id(), grant, Transfer.Kind.WELCOME, null, null);
        }
        return store.fresh(account);
    }

    /**
     * The account of a household that comes with imported history: opened without the welcome
     * grant, since its balance is the one its time bank kept (data-import).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account openImported(String householdId) {
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
        lock(from, to);
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
        Pair p = new Pair(new Account.Balances(locked.from.id(), locked.from.balance(), locked.from.held() - t.minutes(),
                locked.from.incoming()), new Account.Balances(locked.to.id(), locked.to.balance(), locked.to.held(),
                locked.to.incoming() - t.minutes()));
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
        return pay(null, t.toAccount(), t.fromAccount(), t.postedMinutes(), Transfer.Kind.REVERSAL, t.id(), t.sessionId());
    }

    /** The limits in force for an account. */
    public Account.Limits limitsOf(Account a) {
        return limitsOf(a.id());
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

    private void requireLimits(Pair p, int minutes) {
        Account.Limits payer = limitsOf(p.from.id());
        if (!payer.mayPay(p.from, minutes)) {
            long can = Math.max(0, payer.available(p.from));
            throw new LimitReachedException(Account.kindOf(p.from.id()) == Account.Kind.HOUSEHOLD
                    ? "The paying household's account may not go below " + payer.floor() + " minutes (policy "
                    + "TIMEBANK_FLOOR_MINUTES; held minutes count): it can pay at most " + can + " minutes now."
                    : "The community pot holds only " + can + " minutes.");
        }
        Account.Limits payee = limitsOf(p.to.id());
        if (!payee.mayReceive(p.to, minutes)) {
            throw new LimitReachedException("The receiving household's account may not go above " + payee.ceiling()
                    + " minutes (policy TIMEBANK_CEILING_MINUTES; minutes held for it count).");
        }
    }
}
