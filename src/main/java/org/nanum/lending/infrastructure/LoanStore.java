package org.nanum.lending.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.nanum.lending.domain.Loan;
import org.nanum.lending.domain.LoanDay;
import org.nanum.lending.domain.LoanReference;

/** The loan tables. Callers hold the transaction. */
@ApplicationScoped
public class LoanStore {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    public void add(Loan loan) {
        em.persist(loan);
        em.flush();
    }

    public Optional<Loan> loan(String id) {
        return Optional.ofNullable(em.find(Loan.class, id));
    }

    public Optional<Loan> lockLoan(String id) {
        return Optional.ofNullable(em.find(Loan.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public long activeOf(String borrowerId) {
        return em.createQuery("select count(l) from Loan l where l.borrowerId = :b and l.status in :s", Long.class)
                .setParameter("b", borrowerId).setParameter("s", Loan.Status.ACTIVE).getSingleResult();
    }

    /** The borrower's active loans of this item that overlap these days. */
    public long overlappingOf(String borrowerId, String listingId, LocalDate first, LocalDate last) {
        return em.createQuery("select count(l) from Loan l where l.borrowerId = :b and l.listingId = :i and l.status in :s "
                        + "and l.firstDay <= :last and l.lastDay >= :first", Long.class)
                .setParameter("b", borrowerId).setParameter("i", listingId).setParameter("s", Loan.Status.ACTIVE)
                .setParameter("first", first).setParameter("last", last).getSingleResult();
    }

    /** Other residents' requests for this item overlapping these days (they are waiting). */
    public long requestsOverlapping(String listingId, String exceptLoanId, LocalDate first, LocalDate last) {
        return em.createQuery("select count(l) from Loan l where l.listingId = :i and l.id <> :x and l.status = :s "
                        + "and l.firstDay <= :last and l.lastDay >= :first", Long.class)
                .setParameter("i", listingId).setParameter("x", exceptLoanId).setParameter("s", Loan.Status.REQUESTED)
                .setParameter("first", first).setParameter("last", last).getSingleResult();
    }

    public List<LoanDay> takenAmong(String listingId, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from LoanDay d where d.listingId = :i and d.day in :days order by d.day",
                LoanDay.class).setParameter("i", listingId).setParameter("days", days).getResultList();
    }

    /**
     * Holds the days for the loan, in date order with plain SQL (see BookingStore.add); returns
     * false when another loan holds one of them (the caller throws, and its transaction rolls back).
     */
    public boolean hold(String loanId, String listingId, List<LocalDate> days) {
        List<LocalDate> ordered = days.stream().sorted().toList();
        try {
            for (LocalDate day : ordered) {
                em.createNativeQuery("insert into loan_day (listing_id, lent_day, loan_id) values (?, ?, ?)")
                        .setParameter(1, listingId).setParameter(2, day).setParameter(3, loanId).executeUpdate();
            }
            return true;
        } catch (PersistenceException e) {
            if (BookingStore.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives back the loan's days from {@code from} on (all of them when null); returns the days given back. */
    public List<LocalDate> release(String loanId, LocalDate from) {
        List<LocalDate> days = em.createQuery("select d.day from LoanDay d where d.loanId = :l and d.day >= :f",
                LocalDate.class).setParameter("l", loanId).setParameter("f", from == null ? LocalDate.of(1970, 1, 1) : from)
                .getResultList();
        if (!days.isEmpty()) {
            em.createQuery("delete from LoanDay d where d.loanId = :l and d.day in :days").setParameter("l", loanId)
                    .setParameter("days", days).executeUpdate();
        }
        return days;
    }

    public List<Loan> ofBorrower(String borrowerId) {
        return em.createQuery("select l from Loan l where l.borrowerId = :b order by l.firstDay desc", Loan.class)
                .setParameter("b", borrowerId).setMaxResults(200).getResultList();
    }

    /** Adds a reference; false when its author already wrote one for that loan (the primary key says so last). */
    /** The reference written on a loan about a resident (by the other party), if any. */
    public java.util.Optional<LoanReference> referenceAbout(String loanId, String aboutId) {
        return em.createQuery("select r from LoanReference r where r.loanId = :l and r.aboutId = :a", LoanReference.class)
                .setParameter("l", loanId).setParameter("a", aboutId).getResultList().stream().findFirst();
    }

    public boolean addReference(LoanReference reference) {
        if (em.find(LoanReference.class, new LoanReference.Key(reference.loanId(), reference.authorId())) != null) {
            return false;
        }
        em.persist(reference);
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (BookingStore.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    public List<LoanReference> referencesAbout(String residentId) {
        return em.createQuery("select r from LoanReference r where r.aboutId = :a order by r.createdAt desc",
                LoanReference.class).setParameter("a", residentId).setMaxResults(100).getResultList();
    }

    public List<LoanReference> referencesBy(String residentId) {
        return em.createQuery("select r from LoanReference r where r.authorId = :a order by r.createdAt desc",
                LoanReference.class).setParameter("a", residentId).setMaxResults(100).getResultList();
    }

    /** Loans back or lost whose deposit staff have not yet decided on, oldest first (at most {@code max}). */
    public List<Loan> awaitingDepositDecision(int max) {
        return em.createQuery("select l from Loan l where l.status in :s and l.depositKrw > 0 and l.depositOutcome is null "
                        + "order by l.createdAt, l.id", Loan.class)
                .setParameter("s", List.of(Loan.Status.RETURNED, Loan.Status.LOST)).setMaxResults(max).getResultList();
    }

    /** Loans of these items that are not over (requested, approved or out), soonest first. */
    public List<Loan> activeOfItems(List<String> listingIds) {
        List<Loan> out = new java.util.ArrayList<>();
        for (int from = 0; from < listingIds.size(); from += 1000) {
            out.addAll(em.createQuery("select l from Loan l where l.listingId in :ids and l.status in :s", Loan.class)
                    .setParameter("ids", listingIds.subList(from, Math.min(listingIds.size(), from + 1000)))
                    .setParameter("s", Loan.Status.ACTIVE).getResultList());
        }
        out.sort(java.util.Comparator.comparing(Loan::firstDay).thenComparing(Loan::id));
        return out;
    }

    public List<Loan> ofItem(String listingId) {
        return em.createQuery("select l from Loan l where l.listingId = :i order by l.firstDay desc", Loan.class)
                .setParameter("i", listingId).setMaxResults(200).getResultList();
    }
}
