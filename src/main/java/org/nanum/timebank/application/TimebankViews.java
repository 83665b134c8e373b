package org.nanum.timebank.application;

import java.time.Instant;
import java.util.List;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.Session;
import org.nanum.timebank.domain.Transfer;

/** What the time bank shows, as response bodies. Minutes are whole minutes. */
public final class TimebankViews {
    private TimebankViews() {
    }

    /**
     * An account as its household sees it. {@code available}: what it can still pay (balance less
     * held minutes, down to the floor). System accounts have no floor or ceiling shown.
     */
    public record AccountView(String id, Account.Kind kind, String name, long balance, long held, long incoming,
                              Long available, Long floor, Long ceiling, Instant openedAt, List<TransferView> pending) {
    }

    /**
     * A transfer. {@code signedMinutes}: what it did to the viewer's account (negative: paid out),
     * absent for staff and for transfers that did not move minutes.
     */
    public record TransferView(String id, Transfer.Kind kind, Transfer.Status status, String fromAccount,
                               String fromName, String toAccount, String toName, int minutes, Integer postedMinutes,
                               Integer signedMinutes, String memo, String listingId, String reverses, String sessionId,
                               Instant createdAt, Instant settledAt, boolean replayed) {
        TransferView asReplay() {
            return new TransferView(id, kind, status, fromAccount, fromName, toAccount, toName, minutes, postedMinutes,
                    signedMinutes, memo, listingId, reverses, sessionId, createdAt, settledAt, true);
        }
    }

    /** One line of a statement: a journal entry of the account, with the balance after it. */
    public record StatementLine(Instant at, String transferId, Transfer.Kind kind, String entry, String counterparty,
                                int minutes, long balanceAfter, String memo) {
    }

    /** A month of an account: posted balance at its start and end, and every journal entry in it. */
    public record Statement(String accountId, String name, String month, String zone, long openingBalance,
                            long closingBalance, long minutesIn, long minutesOut, List<StatementLine> lines) {
    }

    /**
     * A session as its two households see it; the care note is not in it (see /care-note).
     * {@code noShow}: the side said to be absent; {@code answerBy}: until when it may confirm or
     * dispute that claim (NO_SHOW_CLAIMED).
     */
    public record SessionView(String id, Session.Kind kind, Session.Status status, String listingId, String title,
                              Session.Side yourSide, String providerName, String receiverName, Instant startsAt,
                              Instant endsAt, int minutes, Integer children, Integer providerMinutes,
                              Integer receiverMinutes, String transferId, Session.Side noShow, Instant answerBy,
                              String disputeReason,
                              String settleReason, boolean careNote, Instant createdAt) {
    }

    /** What the sitter needs to know, as the family wrote it. */
    public record CareNoteView(String sessionId, String emergencyContact, String allergies, String childrenNames,
                               Instant writtenAt) {
    }

    /**
     * What the check of the books found. {@code firstBreak} is null when the chain holds;
     * {@code moneySupply} explains every minute in circulation; {@code verified} only when the
     * chain holds, the balances sum to zero, every account reconciles with its journal and the
     * money supply has no gap.
     */
    public record ChainReport(boolean verified, long entries, long sealed, long unsealed, Break firstBreak,
                              long sumOfBalances, long sumHeld, long sumIncoming, List<String> accountsOutOfBalance,
                              MoneySupply moneySupply, Instant checkedAt) {
    }

    /**
     * Where the minutes in circulation come from: every system account by its own kind of entries,
     * the welcome grants against the residents they welcomed, and the accounts of dissolved
     * households (closed; any minutes left on one is a gap). No personal data.
     */
    public record MoneySupply(SystemAccount issuer, SystemAccount pot, SystemAccount migration, Welcomes welcomes,
                              long closedAccounts, List<String> closedWithMinutes, List<String> gaps) {
    }

    /**
     * A system account: its balance, and the net minutes each kind of transfer brought into it
     * (negative: took out of it), REVERSAL split by what it reversed ("REVERSAL:WELCOME"). Minutes
     * of a kind this account has no business with are a gap.
     */
    public record SystemAccount(String id, String code, long balance, java.util.Map<String, Long> byKind,
                                List<String> allowedKinds) {
    }

    /**
     * The welcome grants: how many were paid and their minutes, how many residents they welcomed
     * (before decision 0008 one household's grant welcomed all its members: {@code beforeTheRule}).
     */
    public record Welcomes(long grants, long minutes, long residentsWelcomed, long grantsNamingNoResident,
                           long residentsWelcomedTwice, long beforeTheRule) {
    }

    public record Break(long position, String entryId, String reason) {
    }

    /**
     * The ledger in aggregate, for councils: no household is named. {@code writtenOff}: debts
     * written off to the community pot, in minutes, all time.
     */
    public record Summary(long householdAccounts, long minutesInCirculation, long minutesHeld, long issued,
                          long inPot, long householdsBelowZero, long writtenOff, List<Month> months) {
    }

    public record Month(String month, long transfers, long minutesMoved, long sessionsPosted, long sessionMinutes,
                        long noShows, long disputes) {
    }
}
