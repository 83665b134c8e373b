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

    /** A session as its two households see it; the care note is not in it (see /care-note). */
    public record SessionView(String id, Session.Kind kind, Session.Status status, String listingId, String title,
                              Session.Side yourSide, String providerName, String receiverName, Instant startsAt,
                              Instant endsAt, int minutes, Integer children, Integer providerMinutes,
                              Integer receiverMinutes, String transferId, Session.Side noShow, String disputeReason,
                              String settleReason, boolean careNote, Instant createdAt) {
    }

    /** What the sitter needs to know, as the family wrote it. */
    public record CareNoteView(String sessionId, String emergencyContact, String allergies, String childrenNames,
                               Instant writtenAt) {
    }

    /** What the chain check found. {@code firstBreak} is null when the chain holds. */
    public record ChainReport(boolean verified, long entries, long sealed, long unsealed, Break firstBreak,
                              long sumOfBalances, long sumHeld, long sumIncoming, List<String> accountsOutOfBalance,
                              Instant checkedAt) {
    }

    public record Break(long position, String entryId, String reason) {
    }

    /** The ledger in aggregate, for councils: no household is named. */
    public record Summary(long householdAccounts, long minutesInCirculation, long minutesHeld, long issued,
                          long inPot, long householdsBelowZero, List<Month> months) {
    }

    public record Month(String month, long transfers, long minutesMoved, long sessionsPosted, long sessionMinutes,
                        long noShows, long disputes) {
    }
}
