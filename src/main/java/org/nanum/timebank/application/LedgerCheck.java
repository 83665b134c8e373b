package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.application.TimebankViews.Break;
import org.nanum.timebank.application.TimebankViews.ChainReport;
import org.nanum.timebank.application.TimebankViews.MoneySupply;
import org.nanum.timebank.application.TimebankViews.SystemAccount;
import org.nanum.timebank.application.TimebankViews.Welcomes;
import org.nanum.timebank.domain.ChainHead;
import org.nanum.timebank.domain.HashChain;
import org.nanum.timebank.domain.JournalEntry;

/**
 * Checks the books end to end: the hash chain from its first entry to its head, that the
 * balances sum to zero, that every account's balance and holds are what its journal says, and
 * that the money supply is explained (decision 0008): a balanced ledger is necessary, not
 * sufficient. Reports the first break of the chain, every account that does not reconcile, and
 * every gap in the money supply.
 */
@ApplicationScoped
public class LedgerCheck {
    static final int PAGE = 5000;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    JournalSealer sealer;
    @Inject
    Clock clock;
    @Inject
    ResidentDirectory residents;

    /** Seals what is committed, then checks. */
    public ChainReport sealAndVerify() {
        sealer.sealAll();
        return verify();
    }

    @Transactional
    public ChainReport verify() {
        // The chain as far as its head says now; what is sealed meanwhile is checked next time.
        ChainHead head = em.find(ChainHead.class, 1);
        Break first = null;
        long expected = 1;
        String prev = HashChain.GENESIS;
        long sealed = 0;
        while (first == null) {
            List<JournalEntry> page = em.createQuery("select e from JournalEntry e where e.chainPos >= :p "
                    + "and e.chainPos <= :head order by e.chainPos", JournalEntry.class).setParameter("p", expected)
                    .setParameter("head", head.pos()).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (JournalEntry e : page) {
                HashChain.Break b = HashChain.check(expected, prev, e.link(e.chainPos()), e.prevHash(), e.hash());
                if (b != null) {
                    first = new Break(b.pos(), b.entryId(), b.reason());
                    break;
                }
                prev = e.hash();
                expected++;
                sealed++;
            }
            em.clear();
        }
        if (first == null && (head.pos() != sealed || !head.hash().equals(prev))) {
            first = new Break(sealed + 1, null, "the chain ends at position " + sealed + " but its head says " + head.pos()
                    + ": entries at the end are missing or the head was changed");
        }
        long entries = n(em.createNativeQuery("select count(*) from tb_journal").getSingleResult());
        Object[] sums = (Object[]) em.createNativeQuery("select coalesce(sum(balance), 0), coalesce(sum(held), 0), "
                + "coalesce(sum(incoming), 0) from tb_account").getSingleResult();
        List<String> off = outOfBalance();
        MoneySupply supply = moneySupply();
        boolean ok = first == null && n(sums[0]) == 0 && n(sums[1]) == n(sums[2]) && off.isEmpty()
                && supply.gaps().isEmpty();
        return new ChainReport(ok, entries, sealed, entries - sealed, first, n(sums[0]), n(sums[1]), n(sums[2]), off,
                supply, clock.instant());
    }

    /** What each system account may be moved by; REVERSAL:X is the reversal of an X. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            Account.ISSUER, List.of("WELCOME", "REVERSAL:WELCOME"),
            Account.POT, List.of("PAYMENT", "GRANT", "WRITE_OFF", "CARRIED", "REVERSAL:PAYMENT", "REVERSAL:GRANT",
                    "REVERSAL:WRITE_OFF"),
            Account.MIGRATION, List.of("IMPORTED", "OPENING", "REVERSAL:IMPORTED", "REVERSAL:OPENING"));

    /**
     * Explains the money supply (decision 0008): every system account by its own kinds of entries,
     * one welcome grant per resident welcomed, and no minutes on the account of a dissolved
     * household. Each gap is a sentence; one gap fails the check as a broken hash does.
     */
    MoneySupply moneySupply() {
        List<String> gaps = new ArrayList<>();
        SystemAccount issuer = systemAccount(Account.ISSUER, "ISSUER", gaps);
        SystemAccount pot = systemAccount(Account.POT, "POT", gaps);
        SystemAccount migration = systemAccount(Account.MIGRATION, "MIGRATION", gaps);

        Object[] w = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(t.posted_minutes), 0), "
                + "coalesce(sum(case when n.by_resident is null then 1 else 0 end), 0), "
                + "coalesce(sum(case when n.memo = ? then 1 else 0 end), 0) "
                + "from tb_transfer t left join tb_transfer_note n on n.transfer_id = t.id "
                + "where t.kind = 'WELCOME' and t.status = 'POSTED'").setParameter(1, WelcomeGrants.BEFORE_THE_RULE)
                .getSingleResult();
        long twice = n(em.createNativeQuery("select count(*) from (select n.by_resident from tb_transfer t "
                + "join tb_transfer_note n on n.transfer_id = t.id where t.kind = 'WELCOME' and n.by_resident is not null "
                + "and (n.memo is null or n.memo <> ?) group by n.by_resident having count(*) > 1) x")
                .setParameter(1, WelcomeGrants.BEFORE_THE_RULE).getSingleResult());
        ResidentDirectory.Welcomes recorded = residents.welcomes();
        Welcomes welcomes = new Welcomes(n(w[0]), n(w[1]), recorded.residents(), n(w[2]), twice, n(w[3]));
        if (welcomes.grantsNamingNoResident() > 0) {
            gaps.add(welcomes.grantsNamingNoResident() + " welcome grants name no resident");
        }
        if (twice > 0) {
            gaps.add(twice + " residents were welcomed more than once");
        }
        if (recorded.grants() != welcomes.grants()) {
            gaps.add("the books have " + welcomes.grants() + " welcome grants, residents' records name "
                    + recorded.grants());
        }

        long closed = n(em.createNativeQuery("select count(*) from tb_account where closed_at is not null").getSingleResult());
        List<String> closedWithMinutes = new ArrayList<>();
        for (Object id : em.createNativeQuery("select id from tb_account where closed_at is not null and (balance <> 0 "
                + "or held <> 0 or incoming <> 0) order by id").setMaxResults(100).getResultList()) {
            closedWithMinutes.add((String) id);
        }
        if (!closedWithMinutes.isEmpty()) {
            gaps.add(closedWithMinutes.size() + " accounts of dissolved households still hold minutes");
        }
        return new MoneySupply(issuer, pot, migration, welcomes, closed, closedWithMinutes, gaps);
    }

    /** A system account's net minutes by kind of transfer (from its journal's POST entries). */
    @SuppressWarnings("unchecked")
    private SystemAccount systemAccount(String id, String code, List<String> gaps) {
        Map<String, Long> byKind = new TreeMap<>();
        List<Object[]> rows = em.createNativeQuery("select t.kind, o.kind, coalesce(sum(case when j.to_account = ? "
                + "then j.minutes else -j.minutes end), 0) from tb_journal j join tb_transfer t on t.id = j.transfer_id "
                + "left join tb_transfer o on o.id = t.reverses where j.entry = 'POST' and (j.to_account = ? "
                + "or j.from_account = ?) group by t.kind, o.kind").setParameter(1, id).setParameter(2, id)
                .setParameter(3, id).getResultList();
        long balance = 0;
        for (Object[] r : rows) {
            String kind = r[1] == null ? (String) r[0] : r[0] + ":" + r[1];
            byKind.merge(kind, n(r[2]), Long::sum);
            balance += n(r[2]);
        }
        List<String> allowed = ALLOWED.get(id);
        byKind.forEach((kind, minutes) -> {
            if (!allowed.contains(kind)) {
                gaps.add(code + ": " + minutes + " minutes by " + kind + ", which does not move this account");
            }
        });
        return new SystemAccount(id, code, balance, byKind, allowed);
    }

    /** Accounts whose balance, held or incoming minutes differ from what their journal entries add up to. */
    @SuppressWarnings("unchecked")
    private List<String> outOfBalance() {
        // Posted: POST entries. Held: HOLD entries of transfers with no POST or VOID entry yet.
        List<Object> rows = em.createNativeQuery("select a.id from tb_account a "
                + "left join (select to_account acc, sum(minutes) m from tb_journal where entry = 'POST' group by to_account) pin on pin.acc = a.id "
                + "left join (select from_account acc, sum(minutes) m from tb_journal where entry = 'POST' group by from_account) pout on pout.acc = a.id "
                + "left join (select h.from_account acc, sum(h.minutes) m from tb_journal h where h.entry = 'HOLD' and not exists "
                + "  (select 1 from tb_journal s where s.transfer_id = h.transfer_id and s.entry <> 'HOLD') group by h.from_account) hout on hout.acc = a.id "
                + "left join (select h.to_account acc, sum(h.minutes) m from tb_journal h where h.entry = 'HOLD' and not exists "
                + "  (select 1 from tb_journal s where s.transfer_id = h.transfer_id and s.entry <> 'HOLD') group by h.to_account) hin on hin.acc = a.id "
                + "where a.balance <> coalesce(pin.m, 0) - coalesce(pout.m, 0) or a.held <> coalesce(hout.m, 0) "
                + "or a.incoming <> coalesce(hin.m, 0) order by a.id").setMaxResults(100).getResultList();
        List<String> ids = new ArrayList<>();
        for (Object r : rows) {
            ids.add((String) r);
        }
        return ids;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
