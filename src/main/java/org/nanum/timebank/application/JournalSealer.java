package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.timebank.domain.ChainHead;
import org.nanum.timebank.domain.HashChain;
import org.nanum.timebank.domain.JournalEntry;

/**
 * Seals the journal into the hash chain in batches, just after commit, so that the chain never
 * serialises transfers. Entries get positions in the order the sealer finds them committed; the
 * chain head's row lock makes one sealer at a time seal, on any number of nodes.
 */
@ApplicationScoped
public class JournalSealer {
    static final int BATCH = 5000;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    JournalSealer self;
    @Inject
    @ConfigProperty(name = "nanum.ledger.seal-millis", defaultValue = "1000")
    long sealMillis;
    @Inject
    org.nanum.platform.time.Sweeps sweeps;

    void start(@Observes Startup startup) {
        sweeps.every(java.time.Duration.ofMillis(sealMillis), "seal the time bank's journal", self::sealAll, null);
    }

    /** Seals until nothing committed is left unsealed; returns how many entries were sealed. */
    public int sealAll() {
        int total = 0;
        for (int round = 0; round < 1000; round++) {
            int sealed = self.sealBatch();
            total += sealed;
            if (sealed < BATCH) {
                break;
            }
        }
        return total;
    }

    /** Seals up to one batch of unsealed entries, oldest first. */
    @Transactional
    public int sealBatch() {
        ChainHead head = em.find(ChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        List<JournalEntry> open = em.createQuery("select e from JournalEntry e where e.chainPos is null "
                + "order by e.recordedAt, e.id", JournalEntry.class).setMaxResults(BATCH).getResultList();
        long pos = head.pos();
        String prev = head.hash();
        for (JournalEntry e : open) {
            pos++;
            String hash = HashChain.hash(prev, e.link(pos));
            e.seal(pos, prev, hash);
            prev = hash;
        }
        if (!open.isEmpty()) {
            head.advance(pos, prev, clock.instant());
        }
        return open.size();
    }
}
