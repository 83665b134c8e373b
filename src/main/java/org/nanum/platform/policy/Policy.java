package org.nanum.platform.policy;

/**
 * Every policy value of the platform, in one list: its name, unit, the value it has until a
 * decision sets another, the range a decision may choose from, and what it governs. Services read
 * the value in force with {@link PolicyService#value(Policy)}; nobody writes one in code. Councils
 * change them by vote ({@code council} capability), except their own procedure.
 */
public enum Policy {
    LOAN_MAX_ACTIVE("loans", 5, 1, 50,
            "Loans a resident may have requested, approved or out at once"),
    LOAN_MAX_DAYS_AHEAD("days", 90, 1, 365,
            "How far ahead a loan may start"),
    LOAN_MAX_RENEWALS("renewals", 2, 0, 10,
            "Times a loan may be renewed when nobody is waiting for the item"),
    HOLD_MAX_ACTIVE("holds", 5, 0, 50,
            "Places a resident may hold in waitlists at once"),
    HOLD_OFFER_HOURS("hours", 48, 1, 336,
            "Hours a resident offered a returned item has to take it before it passes to the next in line"),
    OVERDUE_REMINDER_HOURS("hours", 24, 1, 336,
            "Hours between reminders to a borrower whose loan is overdue"),
    BOOKING_MAX_DAYS_AHEAD("days", 90, 1, 730,
            "How far ahead a space may be booked"),
    BOOKING_MAX_ACTIVE("bookings", 10, 1, 200,
            "Future bookings a resident may hold at once (each date of a recurring booking counts)"),
    BOOKING_MAX_HOURS("hours", 8, 1, 24,
            "Longest single booking of a space"),
    BOOKING_MAX_OCCURRENCES("dates", 26, 1, 104,
            "Dates one recurring booking may cover"),
    BOOKING_FREE_CANCEL_HOURS("hours", 24, 0, 336,
            "Until how many hours before its start a resident may cancel their booking"),
    TIMEBANK_FLOOR_MINUTES("minutes", -600, -6000, 0,
            "Lowest balance a household's time-bank account may reach; minutes held for sessions count"),
    TIMEBANK_CEILING_MINUTES("minutes", 4800, 60, 48000,
            "Highest balance a household's time-bank account may reach; minutes held for it count"),
    TIMEBANK_WELCOME_GRANT_MINUTES("minutes", 120, 0, 1200,
            "Minutes the city's issuer account gives each resident once ever, into their household's account, "
                    + "once their residency is verified"),
    TIMEBANK_CREDIT_NEEDS_RESIDENCY("yes (1) or no (0)", 1, 0, 1,
            "Whether a household may go below zero only when one of its members has verified residency"),
    TIMEBANK_ADJUST_MAX_MINUTES("minutes", 60, 0, 240,
            "How far a session's confirmed duration may differ from the scheduled one"),
    TIMEBANK_NO_SHOW_ANSWER_HOURS("hours", 48, 12, 336,
            "Hours the other side has to confirm or dispute a reported no-show before it stands"),
    TIMEBANK_IDEMPOTENCY_DAYS("days", 90, 30, 3650,
            "Days a payment's idempotency key is remembered: a retry within them never moves minutes twice"),
    TIMEBANK_IMPORT_REVIEW_MINUTES("minutes", 6000, 0, 1_000_000,
            "Minutes one staff member may bring into circulation by imports in 24 hours before a second person approves"),
    MODERATION_AUTO_HIDE_REPORTS("reports", 3, 2, 50,
            "Open reports from distinct residents that hide a listing until staff review it"),
    LOAN_DEPOSIT_WAIVED_UP_TO_KRW("won", 0, 0, 1_000_000,
            "Deposits up to this amount are waived: the loan is made without one"),
    // The councils' own procedure: set by the city's charter (a migration), never by a council's
    // vote, so that no council can lower its own quorum.
    COUNCIL_COMMENT_DAYS("days", 14, 1, 90,
            "Days a council proposal is open for comments before its vote", false),
    COUNCIL_VOTING_DAYS("days", 7, 1, 30,
            "Days a council's members have to vote on a proposal", false),
    COUNCIL_QUORUM_PERCENT("percent", 50, 1, 100,
            "Share of a council's members who must vote (abstaining counts) for a vote to count", false),
    COUNCIL_PETITION_SUPPORTERS("residents", 50, 5, 100_000,
            "Residents whose support puts a petition on the council's agenda", false),
    COUNCIL_PETITION_DAYS("days", 90, 7, 365,
            "Days a petition gathers support", false);

    private final String unit;
    private final int initial;
    private final int min;
    private final int max;
    private final String description;
    private final boolean byCouncil;

    Policy(String unit, int initial, int min, int max, String description) {
        this(unit, initial, min, max, description, true);
    }

    Policy(String unit, int initial, int min, int max, String description, boolean byCouncil) {
        this.byCouncil = byCouncil;
        this.unit = unit;
        this.initial = initial;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    public String unit() {
        return unit;
    }

    /** The value in force until a decision sets another. */
    public int initial() {
        return initial;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String description() {
        return description;
    }

    /** Whether a council may propose and vote a new value (its own procedure it may not). */
    public boolean byCouncil() {
        return byCouncil;
    }
}
