package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.rest.Csv;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.timebank.application.TimebankViews.AccountView;
import org.nanum.timebank.application.TimebankViews.Month;
import org.nanum.timebank.application.TimebankViews.Statement;
import org.nanum.timebank.application.TimebankViews.StatementLine;
import org.nanum.timebank.application.TimebankViews.Summary;
import org.nanum.timebank.application.TimebankViews.TransferView;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.JournalEntry;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;
import org.nanum.timebank.infrastructure.LedgerStore;

/** What a household sees of its account: balance, holds, history, monthly statements; and the city's accounts. */
@ApplicationScoped
public class AccountService {
    static final int HISTORY = 200;
    /** Statements exist for these years (imported history may go back to 1900; nothing is dated after 2100). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;

    @Inject
    Ledger ledger;
    @Inject
    LedgerStore store;
    @Inject
    AccountNames names;
    @Inject
    ResidentDirectory residents;
    @Inject
    WelcomeGrants welcome;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    /** The caller's household account (opened on first use, with the welcome grant). */
    @Transactional
    public AccountView mine(@NotNull SignedInUser user) {
        Account a = own(user);
        Map<String, String> cache = names.cache();
        return view(a, store.pendingOf(a.id()).stream().map(t -> names.view(t, a.id(), cache)).toList(), cache);
    }

    /** The caller's transfers, newest first (the last 200). */
    @Transactional
    public List<TransferView> transfers(@NotNull SignedInUser user) {
        Account a = own(user);
        Map<String, String> cache = names.cache();
        return store.transfersOf(a.id(), HISTORY).stream().map(t -> names.view(t, a.id(), cache)).toList();
    }

    /** A resident's household account, for staff: balance, holds, limits; no transfers. */
    @Transactional
    public AccountView ofResident(@NotNull SignedInUser staff, @NotNull String residentId) {
        residents.signIn(staff);
        String household = residents.byId(residentId).map(Who::householdId)
                .orElseThrow(() -> new org.nanum.residents.domain.ResidentsProblems.ResidentNotFoundException(residentId));
        Account a = household == null ? null : store.accountOfHousehold(household).orElse(null);
        if (a == null) {
            throw new org.nanum.residents.domain.ResidentsProblems.NotInHouseholdException();
        }
        return view(a, List.of(), names.cache());
    }

    /** A household's account as shown: its floor is 0 while it may not owe (no member's residency verified). */
    private AccountView view(Account a, List<TransferView> pending, Map<String, String> cache) {
        Account.Limits limits = ledger.limitsOf(a);
        return new AccountView(a.id(), a.kind(), names.name(a.id(), cache), a.balance(), a.held(), a.incoming(),
                ledger.available(a), ledger.mayOwe(a.householdId()) ? limits.floor() : 0, limits.ceiling(), a.openedAt(),
                pending);
    }

    /** The city's system accounts (the pot's id is what residents give to). */
    @Transactional
    public List<AccountView> system() {
        Map<String, String> cache = names.cache();
        return List.of(Account.ISSUER, Account.POT, Account.MIGRATION).stream().map(id -> store.account(id).orElseThrow())
                .map(a -> new AccountView(a.id(), a.kind(), names.name(a.id(), cache), a.balance(), a.held(),
                        a.incoming(), null, null, null, a.openedAt(), List.of())).toList();
    }

    /**
     * A month's statement of the caller's account, in the city's time zone: the posted balance at
     * the start and end, and each journal entry with the balance after it. Holds and voids are
     * listed with 0 minutes: they do not change the balance.
     */
    @Transactional
    public Statement statement(@NotNull SignedInUser user, @NotNull String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidField("month", "a month as YYYY-MM");
        }
        if (ym.getYear() < FIRST_YEAR || ym.getYear() > LAST_YEAR) {
            throw new ProblemException.InvalidField("month", "a month from " + FIRST_YEAR + "-01 to " + LAST_YEAR + "-12");
        }
        Account a = own(user);
        Instant from = ym.atDay(1).atStartOfDay(cityZone).toInstant();
        Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(cityZone).toInstant();
        long opening = store.postedBefore(a.id(), from);
        long balance = opening;
        long in = 0;
        long out = 0;
        Map<String, String> cache = names.cache();
        List<StatementLine> lines = new ArrayList<>();
        for (JournalEntry e : store.entriesOf(a.id(), from, to)) {
            boolean incoming = a.id().equals(e.toAccount());
            int signed = e.entry() != JournalEntry.Entry.POST ? 0 : incoming ? e.minutes() : -e.minutes();
            balance += signed;
            if (signed > 0) {
                in += signed;
            } else {
                out -= signed;
            }
            Transfer t = store.transfer(e.transferId()).orElseThrow();
            String memo = store.note(t.id()).map(TransferNote::memo).orElse(null);
            lines.add(new StatementLine(e.recordedAt(), t.id(), t.kind(), e.entry().name(),
                    names.name(incoming ? e.fromAccount() : e.toAccount(), cache), signed, balance, memo));
        }
        return new Statement(a.id(), names.name(a.id(), cache), ym.toString(), cityZone.getId(), opening, balance, in, out,
                lines);
    }

    /** The same statement as CSV (RFC 4180, through {@link Csv}), for a spreadsheet. */
    public static String csv(Statement s) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(Arrays.asList(null, null, null, "OPENING", null, 0, s.openingBalance(), null));
        for (StatementLine l : s.lines()) {
            rows.add(Arrays.asList(l.at(), l.transferId(), l.kind(), l.entry(), l.counterparty(), l.minutes(),
                    l.balanceAfter(), l.memo()));
        }
        rows.add(Arrays.asList(null, null, null, "CLOSING", null, 0, s.closingBalance(), null));
        return Csv.write(List.of("at", "transfer", "kind", "entry", "counterparty", "minutes", "balance_after", "memo"), rows);
    }

    /** The ledger in aggregate for councils: counts and minutes per month, no household named. */
    @Transactional
    public Summary summary() {
        Object[] totals = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(case when balance > 0 then balance "
                + "else 0 end), 0), coalesce(sum(held), 0), coalesce(sum(case when balance < 0 then 1 else 0 end), 0) "
                + "from tb_account where kind = 'HOUSEHOLD'").getSingleResult();
        long issued = -store.account(Account.ISSUER).orElseThrow().balance();
        long pot = store.account(Account.POT).orElseThrow().balance();
        List<Month> months = new ArrayList<>();
        YearMonth now = YearMonth.now(cityZone);
        for (int i = 11; i >= 0; i--) {
            YearMonth ym = now.minusMonths(i);
            Instant from = ym.atDay(1).atStartOfDay(cityZone).toInstant();
            Instant to = ym.plusMonths(1).atDay(1).atStartOfDay(cityZone).toInstant();
            Object[] moved = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(minutes), 0) from tb_journal "
                    + "where entry = 'POST' and recorded_at >= ? and recorded_at < ?")
                    .setParameter(1, at(from)).setParameter(2, at(to)).getSingleResult();
            Object[] sessions = (Object[]) em.createNativeQuery("select coalesce(sum(case when s.status = 'POSTED' then 1 else 0 end), 0), "
                    + "coalesce(sum(case when s.status = 'POSTED' then t.posted_minutes else 0 end), 0), "
                    + "coalesce(sum(case when s.status = 'NO_SHOW' then 1 else 0 end), 0), "
                    + "coalesce(sum(case when s.dispute_reason is not null then 1 else 0 end), 0) "
                    + "from tb_session s left join tb_transfer t on t.id = s.transfer_id "
                    + "where s.starts_at >= ? and s.starts_at < ?")
                    .setParameter(1, at(from)).setParameter(2, at(to)).getSingleResult();
            months.add(new Month(ym.toString(), n(moved[0]), n(moved[1]), n(sessions[0]), n(sessions[1]), n(sessions[2]),
                    n(sessions[3])));
        }
        long writtenOff = n(em.createNativeQuery("select coalesce(sum(t.posted_minutes), 0) from tb_transfer t "
                + "where t.kind = 'WRITE_OFF' and t.status = 'POSTED' and not exists (select 1 from tb_transfer r "
                + "where r.reverses = t.id)").getSingleResult());
        return new Summary(n(totals[0]), n(totals[1]), n(totals[2]), issued, pot, n(totals[3]), writtenOff, months);
    }

    /** The caller's household account; a welcome grant still due (residency verified earlier) is paid first. */
    private Account own(SignedInUser user) {
        Who who = residents.signIn(user);
        Account a = ledger.openFor(residents.householdOf(who));
        if (who.residencyVerified() && !who.welcomed() && welcome.grantIfDue(who.residentId())) {
            return store.fresh(a);
        }
        return a;
    }

    private static java.time.OffsetDateTime at(Instant i) {
        return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
