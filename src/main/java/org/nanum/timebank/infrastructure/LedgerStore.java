package org.nanum.timebank.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.JournalEntry;
import org.nanum.timebank.domain.Transfer;
import org.nanum.timebank.domain.TransferNote;

/** The ledger's tables. Callers hold the transaction. */
@ApplicationScoped
public class LedgerStore {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    public Optional<Account> account(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /**
     * Locks the account's row for the rest of the transaction and returns its minutes as the lock
     * found them (plain SQL: nothing the persistence context holds is consulted); empty when there
     * is no such account.
     */
    public Optional<Account.Balances> lockBalances(String id) {
        List<?> rows = em.createNativeQuery("select balance, held, incoming, household_id, closed_at from tb_account "
                + "where id = ? for update").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Account.Balances(id, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), (String) r[3], r[4] != null));
    }

    /** Closes a household's account (its household is dissolved): nothing is paid into or out of it any more. */
    public void close(String accountId, Instant now) {
        em.createNativeQuery("update tb_account set closed_at = ? where id = ? and closed_at is null")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).setParameter(2, accountId)
                .executeUpdate();
    }

    /** Changes an account's minutes relative to what the row holds; the caller holds its lock. */
    public void change(String id, long balance, long held, long incoming) {
        em.createNativeQuery("update tb_account set balance = balance + ?, held = held + ?, incoming = incoming + ? "
                + "where id = ?").setParameter(1, balance).setParameter(2, held).setParameter(3, incoming)
                .setParameter(4, id).executeUpdate();
    }

    /** Reads the account again (after the ledger changed its row in this transaction). */
    public Account fresh(Account a) {
        em.refresh(a);
        return a;
    }

    public Optional<Account> accountOfHousehold(String householdId) {
        return em.createQuery("select a from Account a where a.householdId = :h", Account.class)
                .setParameter("h", householdId).getResultList().stream().findFirst();
    }

    /** Locks the household's row, so that two first uses of the time bank open one account. */
    public void lockHousehold(String householdId) {
        em.createNativeQuery("select id from household where id = ? for update").setParameter(1, householdId)
                .getResultList();
    }

    public void add(Account a) {
        em.persist(a);
        em.flush();
    }

    /** The transfer first: EclipseLink does not order inserts by foreign keys it does not map. */
    public void add(Transfer t, JournalEntry e) {
        em.persist(t);
        em.flush();
        em.persist(e);
    }

    public void add(JournalEntry e) {
        em.persist(e);
    }

    public void add(TransferNote n) {
        em.persist(n);
    }

    public Optional<Transfer> transfer(String id) {
        return Optional.ofNullable(em.find(Transfer.class, id));
    }

    /** The transfer's row, locked (see {@link #lockAccount}). */
    public Optional<Transfer> lockTransfer(String id) {
        return Optional.ofNullable(em.find(Transfer.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<TransferNote> note(String transferId) {
        return Optional.ofNullable(em.find(TransferNote.class, transferId));
    }

    public boolean isReversed(String transferId) {
        return !em.createQuery("select t.id from Transfer t where t.reverses = :id", String.class)
                .setParameter("id", transferId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The account's transfers, newest first. */
    public List<Transfer> transfersOf(String accountId, int max) {
        return em.createQuery("select t from Transfer t where t.fromAccount = :a or t.toAccount = :a "
                        + "order by t.createdAt desc, t.id", Transfer.class)
                .setParameter("a", accountId).setMaxResults(max).getResultList();
    }

    public List<Transfer> pendingOf(String accountId) {
        return em.createQuery("select t from Transfer t where (t.fromAccount = :a or t.toAccount = :a) "
                        + "and t.status = :p order by t.createdAt", Transfer.class)
                .setParameter("a", accountId).setParameter("p", Transfer.Status.PENDING).getResultList();
    }

    /** The account's journal entries recorded in [from, to), in the order they were recorded. */
    public List<JournalEntry> entriesOf(String accountId, Instant from, Instant to) {
        return em.createQuery("select e from JournalEntry e where (e.fromAccount = :a or e.toAccount = :a) "
                        + "and e.recordedAt >= :f and e.recordedAt < :t order by e.recordedAt, e.id", JournalEntry.class)
                .setParameter("a", accountId).setParameter("f", from).setParameter("t", to).getResultList();
    }

    /**
     * What imported history (IMPORTED and OPENING transfers) brought the account, net; and the date
     * of its first imported transfer, or null. Flushes first: a batch's own transfers count.
     */
    public record ImportedHistory(long net, Instant first) {
    }

    public ImportedHistory importedHistory(String accountId) {
        em.flush();
        List<Object[]> rows = em.createNativeQuery("select coalesce(sum(case when to_account = ? then minutes else -minutes end), 0), "
                + "min(created_at) from tb_transfer where (to_account = ? or from_account = ?) "
                + "and kind in ('IMPORTED', 'OPENING') and status = 'POSTED'")
                .setParameter(1, accountId).setParameter(2, accountId).setParameter(3, accountId).getResultList();
        Object[] row = rows.get(0);
        Object first = row[1];
        Instant at = first == null ? null : first instanceof java.sql.Timestamp ts ? ts.toInstant()
                : first instanceof java.time.OffsetDateTime odt ? odt.toInstant() : first instanceof Instant i ? i
                : Instant.parse(first.toString());
        return new ImportedHistory(((Number) row[0]).longValue(), at);
    }

    /** The account's posted balance from the journal, up to (not including) {@code before}. */
    public long postedBefore(String accountId, Instant before) {
        Number in = (Number) em.createNativeQuery("select coalesce(sum(minutes), 0) from tb_journal "
                + "where entry = 'POST' and to_account = ? and recorded_at < ?")
                .setParameter(1, accountId).setParameter(2, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                .getSingleResult();
        Number out = (Number) em.createNativeQuery("select coalesce(sum(minutes), 0) from tb_journal "
                + "where entry = 'POST' and from_account = ? and recorded_at < ?")
                .setParameter(1, accountId).setParameter(2, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                .getSingleResult();
        return in.longValue() - out.longValue();
    }

    /** The transfer an idempotency key made, with the hash of the request that made it. */
    public record KeyUse(String requestHash, String transferId) {
    }

    public Optional<KeyUse> keyUse(String scope, String key) {
        List<?> rows = em.createNativeQuery("select request_hash, transfer_id from tb_idempotency "
                        + "where scope = ? and idem_key = ?").setParameter(1, scope).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new KeyUse((String) row[0], (String) row[1]));
    }

    /** Forgets idempotency keys claimed before {@code before}, at most {@code max} of them; returns how many. */
    public int purgeKeys(Instant before, int max) {
        List<?> old = em.createNativeQuery("select scope, idem_key from tb_idempotency where created_at < ?")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).setMaxResults(max)
                .getResultList();
        int n = 0;
        for (Object row : old) {
            Object[] k = (Object[]) row;
            n += em.createNativeQuery("delete from tb_idempotency where scope = ? and idem_key = ? and created_at < ?")
                    .setParameter(1, k[0]).setParameter(2, k[1])
                    .setParameter(3, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).executeUpdate();
        }
        return n;
    }

    /**
     * Claims an idempotency key before anything else is written: a concurrent request with the same
     * key waits on the primary key until this transaction ends, then fails with a unique violation.
     */
    public void claimKey(String scope, String key, String requestHash, String transferId, Instant now) {
        em.createNativeQuery("insert into tb_idempotency (scope, idem_key, request_hash, transfer_id, created_at) "
                        + "values (?, ?, ?, ?, ?)").setParameter(1, scope).setParameter(2, key)
                .setParameter(3, requestHash).setParameter(4, transferId)
                .setParameter(5, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).executeUpdate();
    }
}
