package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.domain.DepositAppeal;
import org.nanum.lending.domain.LendingProblems.LoanNotFoundException;
import org.nanum.lending.domain.LendingProblems.LoanTransitionException;
import org.nanum.lending.domain.Loan;
import org.nanum.lending.infrastructure.LoanStore;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * A borrower appeals what staff kept of their deposit, once, within 30 days of the decision; the
 * council hears it. Overturning releases the whole deposit, on the record.
 */
@ApplicationScoped
public class DepositAppeals {
    public static final Duration APPEAL_WITHIN = Duration.ofDays(30);

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    LoanStore store;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /** What the borrower sees of their appeal: the decision appealed and the council's outcome. */
    public record AppealView(String id, String loanId, Loan.DepositOutcome outcome, int depositKrw, int keptKrw,
                             String reason, DepositAppeal.Status status, Instant filedAt, Instant heardAt) {
    }

    /** An appeal as the council reads it; {@code parties} is for the conflict-of-interest rule only. */
    public record Case(String appealId, String itemTitle, int depositKrw, int keptKrw, Loan.DepositOutcome outcome,
                       String staffReason, String appeal, Instant filedAt,
                       DepositAppeal.Status status, Instant heardAt, Set<String> parties) {
    }

    @Transactional
    public AppealView appeal(@NotNull SignedInUser user, @NotNull String loanId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the deposit should come back");
        }
        Who who = residents.signIn(user);
        Loan loan = store.lockLoan(loanId).filter(l -> l.borrowerId().equals(who.residentId()))
                .orElseThrow(() -> new LoanNotFoundException(loanId));
        if (loan.depositOutcome() == null || loan.depositOutcome() == Loan.DepositOutcome.RELEASED) {
            throw new LoanTransitionException("only a deposit that staff kept, in part or all, can be appealed");
        }
        Instant now = clock.instant();
        if (now.isAfter(loan.depositDecidedAt().plus(APPEAL_WITHIN))) {
            throw new LoanTransitionException("a deposit decision can be appealed for 30 days");
        }
        if (of(loanId).isPresent()) {
            throw new LoanTransitionException("this deposit decision was appealed already");
        }
        DepositAppeal appeal = new DepositAppeal(loan, who.residentId(), reason.strip(), now);
        em.persist(appeal);
        audit.record(who.residentId(), AuditRecord.ActorKind.RESIDENT, "loan.deposit-appealed", "loan", loanId,
                "routed to the council");
        return view(appeal, loan);
    }

    @Transactional
    public AppealView mine(@NotNull SignedInUser user, @NotNull String loanId) {
        Who who = residents.signIn(user);
        Loan loan = store.loan(loanId).filter(l -> l.borrowerId().equals(who.residentId()))
                .orElseThrow(() -> new LoanNotFoundException(loanId));
        return of(loanId).map(a -> view(a, loan)).orElseThrow(() -> new LoanNotFoundException(loanId));
    }

    /** Appeals waiting for the council (or, with {@code all}, every one), oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Case> docket(boolean all) {
        return em.createQuery("select a from DepositAppeal a" + (all ? "" : " where a.status = :routed")
                        + " order by a.createdAt, a.id", DepositAppeal.class)
                .setParameter("routed", DepositAppeal.Status.ROUTED).setMaxResults(500).getResultList().stream()
                .map(this::council).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Case> find(String appealId) {
        return Optional.ofNullable(em.find(DepositAppeal.class, appealId)).map(this::council);
    }

    /** The council's outcome, joining the caller's transaction; false when it was heard already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(String memberId, String appealId, boolean overturn, String reason) {
        DepositAppeal a = em.find(DepositAppeal.class, appealId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.status() != DepositAppeal.Status.ROUTED) {
            return false;
        }
        Instant now = clock.instant();
        a.decide(overturn, now);
        Loan loan = store.lockLoan(a.loanId()).orElseThrow();
        if (overturn) {
            loan.releaseDepositOnAppeal(memberId, "Released on appeal by the council: " + reason, now);
        }
        audit.record(memberId, AuditRecord.ActorKind.COUNCIL, overturn ? "loan.deposit-appeal-overturned"
                : "loan.deposit-appeal-upheld", "loan", loan.id(), reason);
        notifications.tell(a.appellantId(), NotificationKind.APPEAL_DECIDED, overturn ? "overturned" : "upheld",
                "/api/loans/" + loan.id());
        return true;
    }

    private Optional<DepositAppeal> of(String loanId) {
        return em.createQuery("select a from DepositAppeal a where a.loanId = :l", DepositAppeal.class)
                .setParameter("l", loanId).getResultList().stream().findFirst();
    }

    private AppealView view(DepositAppeal a, Loan loan) {
        return new AppealView(a.id(), loan.id(), a.outcome(), deposit(loan), a.keptKrw(), a.reason(), a.status(),
                a.createdAt(), a.decidedAt());
    }

    private Case council(DepositAppeal a) {
        Loan loan = store.loan(a.loanId()).orElseThrow();
        Set<String> parties = new HashSet<>();
        parties.add(loan.borrowerId());
        listings.moderationFacts(loan.listingId()).ifPresent(f -> {
            parties.add(f.createdBy());
            if (f.ownerId() != null && f.ownerType() != OwnerType.CITY) {
                parties.add(f.ownerId());
            }
        });
        return new Case(a.id(), listings.titleOf(loan.listingId()), deposit(loan), a.keptKrw(), a.outcome(),
                a.staffReason(), a.reason(), a.createdAt(), a.status(), a.decidedAt(),
                Set.copyOf(parties));
    }

    private static int deposit(Loan loan) {
        return loan.depositKrw() == null ? 0 : loan.depositKrw();
    }
}
