package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.nanum.timebank.application.TimebankViews.Break;
import org.nanum.timebank.application.TimebankViews.ChainReport;
import org.nanum.timebank.domain.ChainHead;
import org.nanum.timebank.domain.HashChain;
import org.nanum.timebank.domain.JournalEntry;

/**
 * Checks the books end to end: the hash chain from its first entry to its head, that the
 * balances sum to zero, and that every account's balance and holds are what its journal says.
 * Reports the first break of the chain and every account that does not reconcile.
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
        boolean ok = first == null && n(sums[0]) == 0 && n(sums[1]) == n(sums[2]) && off.isEmpty();
        return new ChainReport(ok, entries, sealed, entries - sealed, first, n(sums[0]), n(sums[1]), n(sums[2]), off,
                clock.instant());
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
