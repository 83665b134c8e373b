package org.nanum.timebank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An account on the books: a household's, or one of the city's system accounts (the issuer of
 * welcome grants, which goes as far below zero as it has issued; the community pot, which never
 * goes below zero by grants, only by debts written off to it; the migration account, which goes
 * as far as imported history took it). A household's account closes with its household: nothing
 * is paid into or out of it any more. Balances change only through {@link org.nanum.timebank.application.Ledger}:
 * under a row lock, by relative SQL updates ({@code balance = balance + ?}), never by writing this
 * object's copy back. The columns are not updatable through JPA, so a stale copy cannot undo
 * another transaction's change.
 */
@Entity
@Table(name = "tb_account")
public class Account {
    public enum Kind { HOUSEHOLD, SYSTEM }

    /** The city's issuer of welcome grants. */
    public static final String ISSUER = "00000000-0000-4000-8000-0000000000e1";
    /** The community pot: residents give to it, staff grant from it. */
    public static final String POT = "00000000-0000-4000-8000-0000000000e2";
    /** Imported history: the source time bank's own account, and where opening balances come from. */
    public static final String MIGRATION = "00000000-0000-4000-8000-0000000000e3";

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "household_id")
    private String householdId;
    private String code;
    @Column(nullable = false, updatable = false)
    private long balance;
    @Column(nullable = false, updatable = false)
    private long held;
    @Column(nullable = false, updatable = false)
    private long incoming;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected Account() {
    }

    public static Account ofHousehold(String householdId, Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID().toString();
        a.kind = Kind.HOUSEHOLD;
        a.householdId = householdId;
        a.openedAt = now;
        return a;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String householdId() {
        return householdId;
    }

    public String code() {
        return code;
    }

    public long balance() {
        return balance;
    }

    public long held() {
        return held;
    }

    public long incoming() {
        return incoming;
    }

    /** What the account may still pay: its balance less what is held, down to its floor. */
    public long available(Limits limits) {
        return limits.floor() == Long.MIN_VALUE ? Long.MAX_VALUE : balance - held - limits.floor();
    }

    /** The kind of an account by id alone (the ledger locks rows without loading this object). */
    public static Kind kindOf(String id) {
        return ISSUER.equals(id) || POT.equals(id) || MIGRATION.equals(id) ? Kind.SYSTEM : Kind.HOUSEHOLD;
    }

    /** The limits that apply to the account with this id. */
    public static Limits limitsOf(String id, int floor, int ceiling) {
        if (kindOf(id) == Kind.HOUSEHOLD) {
            return new Limits(floor, ceiling);
        }
        return POT.equals(id) ? new Limits(0, Long.MAX_VALUE) : Limits.NONE;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** The floor and ceiling of an account's balance, in minutes. */
    public record Limits(long floor, long ceiling) {
        public static final Limits NONE = new Limits(Long.MIN_VALUE, Long.MAX_VALUE);

        /** Whether paying out {@code minutes} more keeps the account at or above its floor. */
        public boolean mayPay(Balances a, long minutes) {
            return floor == Long.MIN_VALUE || a.balance() - a.held() - minutes >= floor;
        }

        /** Whether receiving {@code minutes} more keeps the account at or below its ceiling. */
        public boolean mayReceive(Balances a, long minutes) {
            return ceiling == Long.MAX_VALUE || a.balance() + a.incoming() + minutes <= ceiling;
        }

        /** What the account may still pay. */
        public long available(Balances a) {
            return floor == Long.MIN_VALUE ? Long.MAX_VALUE : a.balance() - a.held() - floor;
        }
    }

    /** An account's minutes as its locked row says, its household (null for a system account) and whether it is closed. */
    public record Balances(String id, long balance, long held, long incoming, String householdId, boolean closed) {
        public Balances(String id, long balance, long held, long incoming) {
            this(id, balance, held, incoming, null, false);
        }

        public Balances withHeld(long held, long incoming) {
            return new Balances(id, balance, held, incoming, householdId, closed);
        }
    }
}
