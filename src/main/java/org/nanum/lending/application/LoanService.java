package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.application.LoanViews.LoanView;
import org.nanum.lending.domain.LendingProblems.DaysTakenException;
import org.nanum.lending.domain.LendingProblems.ItemNotLendableException;
import org.nanum.lending.domain.LendingProblems.LoanLimitReachedException;
import org.nanum.lending.domain.LendingProblems.LoanNotFoundException;
import org.nanum.lending.domain.LendingProblems.NotTheLenderException;
import org.nanum.lending.domain.LendingProblems.NoQueueException;
import org.nanum.lending.domain.LendingProblems.OwnItemException;
import org.nanum.lending.domain.LendingProblems.OwnLoanException;
import org.nanum.lending.domain.LendingProblems.ReferenceNotAllowedException;
import org.nanum.lending.domain.LendingProblems.RenewalRefusedException;
import org.nanum.lending.domain.Loan;
import org.nanum.lending.domain.LoanDay;
import org.nanum.lending.domain.LoanReference;
import org.nanum.lending.infrastructure.HoldStore;
import org.nanum.lending.infrastructure.LendingLocks;
import org.nanum.lending.infrastructure.LoanStore;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Lending goods. The lender (the owner; staff for the city's tool library) approves, hands over
 * and takes back; the borrower asks, cancels before pick-up and renews. An approved loan holds its
 * days in {@code loan_day}, whose primary key makes lending one item twice for a day impossible.
 */
@ApplicationScoped
public class LoanService {
    @Inject
    LoanStore store;
    @Inject
    HoldService holds;
    @Inject
    NotificationService notifications;
    @Inject
    HoldStore holdStore;
    @Inject
    LendingLocks locks;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    PolicyService policy;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    /** Asks to borrow an item for some days. */
    @Transactional
    public LoanView request(@NotNull SignedInUser user, @NotNull @Valid LoanRequest r) {
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        ListingFacts item = listings.facts(user, r.itemId());
        ListingDetails.Goods goods = lendable(item);
        if (item.ownerType() != OwnerType.CITY && item.managedByCaller()) {
            throw new OwnItemException();
        }
        LocalDate today = today();
        if (r.firstDay().isBefore(today)) {
            throw new ProblemException.InvalidField("firstDay", "is in the past");
        }
        if (r.lastDay().isBefore(r.firstDay())) {
            throw new ProblemException.InvalidField("lastDay", "must not be before firstDay");
        }
        int ahead = policy.value(Policy.LOAN_MAX_DAYS_AHEAD);
        if (r.firstDay().isAfter(today.plusDays(ahead))) {
            throw new ProblemException.InvalidField("firstDay", "at most " + ahead + " days ahead (policy LOAN_MAX_DAYS_AHEAD)");
        }
        long days = ChronoUnit.DAYS.between(r.firstDay(), r.lastDay()) + 1;
        if (days > goods.loanPeriodDays()) {
            throw new ProblemException.InvalidField("lastDay", "this item is lent for at most " + goods.loanPeriodDays() + " days");
        }
        List<Problem.FieldError> closed = closedDays(item, r.firstDay(), r.lastDay());
        if (!closed.isEmpty()) {
            throw new ItemNotLendableException("Its owner has closed it on some of those days.", closed);
        }
        requireFree(item.id(), r.firstDay(), r.lastDay());
        if (!holdStore.queue(item.id()).isEmpty()) {
            throw new NoQueueException(
                    "Residents are queueing for this item: join the queue (POST /api/holds) to be offered it in turn.");
        }
        locks.lockResident(who.residentId());
        if (store.overlappingOf(who.residentId(), item.id(), r.firstDay(), r.lastDay()) > 0) {
            throw new ItemNotLendableException("You already asked for this item on some of those days.");
        }
        int limit = policy.value(Policy.LOAN_MAX_ACTIVE);
        if (store.activeOf(who.residentId()) >= limit) {
            throw new LoanLimitReachedException(limit);
        }
        Loan loan = new Loan(item.id(), who.residentId(), r.firstDay(), r.lastDay(), blankToNull(r.message()),
                deposit(goods), clock.instant());
        store.add(loan);
        if (item.ownerType() == OwnerType.RESIDENT) {
            notifications.tell(item.ownerId(), NotificationKind.LOAN_REQUESTED, item.title(), "/api/loans/" + loan.id());
        }
        return view(loan, item, user, false);
    }

    /** The lender accepts: the days are held for the borrower (409 days-taken when someone has them). */
    @Transactional
    public LoanView approve(@NotNull SignedInUser user, @NotNull String id, String note) {
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = asLender(user, loan);
        Who who = residents.signIn(user);
        loan.approve(who.residentId(), blankToNull(note), clock.instant());
        holdDays(item, loan, loan.firstDay(), loan.lastDay());
        record(user, who, "loan.approved", loan, note);
        notifications.tell(loan.borrowerId(), NotificationKind.LOAN_APPROVED, item.title(), "/api/loans/" + loan.id());
        return view(loan, item, user, true);
    }

    /**
     * The first in an item's queue takes it when offered: a loan approved at once (the queue is the
     * lender's standing agreement), from {@code first} for the item's loan period or to
     * {@code last}. Joins the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoanView approvedFromQueue(@NotNull SignedInUser user, @NotNull String itemId, @NotNull LocalDate first,
                                      LocalDate last) {
        Who who = residents.signIn(user);
        ListingFacts item = listings.factsForParty(user, itemId);
        ListingDetails.Goods goods = lendable(item);
        LocalDate end = last == null ? first.plusDays(goods.loanPeriodDays() - 1L) : last;
        if (end.isBefore(first) || ChronoUnit.DAYS.between(first, end) + 1 > goods.loanPeriodDays()) {
            throw new ProblemException.InvalidField("lastDay", "from " + first + " for at most " + goods.loanPeriodDays() + " days");
        }
        requireFree(item.id(), first, end);
        locks.lockResident(who.residentId());
        int limit = policy.value(Policy.LOAN_MAX_ACTIVE);
        if (store.activeOf(who.residentId()) >= limit) {
            throw new LoanLimitReachedException(limit);
        }
        Instant now = clock.instant();
        Loan loan = new Loan(item.id(), who.residentId(), first, end, "From the queue", deposit(goods), now);
        store.add(loan);
        loan.approve(null, "Offered from the queue", now);
        holdDays(item, loan, first, end);
        return view(loan, item, user, false);
    }

    @Transactional
    public LoanView decline(@NotNull SignedInUser user, @NotNull String id, String reason) {
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = asLender(user, loan);
        Who who = residents.signIn(user);
        loan.decline(who.residentId(), requireReason(reason), clock.instant());
        record(user, who, "loan.declined", loan, reason);
        notifications.tell(loan.borrowerId(), NotificationKind.LOAN_DECLINED, item.title(), "/api/loans/" + loan.id());
        return view(loan, item, user, true);
    }

    /** The borrower before pick-up; the lender with a reason. The days are free again. */
    @Transactional
    public LoanView cancel(@NotNull SignedInUser user, @NotNull String id, String reason) {
        Who who = residents.signIn(user);
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        boolean borrower = loan.borrowerId().equals(who.residentId());
        if (!borrower && !item.managedByCaller()) {
            throw new LoanNotFoundException(id);
        }
        loan.cancel(who.residentId(), borrower ? blankToNull(reason) : requireReason(reason), clock.instant());
        freeDays(item, loan, null);
        holds.offerNext(item.id());
        if (!borrower) {
            record(user, who, "loan.cancelled-by-lender", loan, reason);
        }
        return view(loan, item, user, !borrower);
    }

    /** The lender hands the item over, noting its condition. */
    @Transactional
    public LoanView pickUp(@NotNull SignedInUser user, @NotNull String id, @NotNull ListingDetails.Condition condition) {
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = asLender(user, loan);
        if (today().isBefore(loan.firstDay().minusDays(1))) {
            throw new ItemNotLendableException("The loan starts on " + loan.firstDay() + "; hand it over from the day before.");
        }
        loan.pickUp(condition, clock.instant());
        record(user, residents.signIn(user), "loan.picked-up", loan, "condition " + condition);
        return view(loan, item, user, true);
    }

    /** The lender takes the item back, noting its condition and any damage; from today its days are freed. */
    @Transactional
    public LoanView giveBack(@NotNull SignedInUser user, @NotNull String id, @NotNull ListingDetails.Condition condition,
                             String damage) {
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = asLender(user, loan);
        loan.giveBack(condition, blankToNull(damage), clock.instant());
        freeDays(item, loan, today());
        holds.offerNext(item.id());
        record(user, residents.signIn(user), "loan.returned", loan, "condition " + condition
                + (damage == null || damage.isBlank() ? "" : "; damage: " + damage.strip()));
        return view(loan, item, user, true);
    }

    /** The lender records the item lost; its days are freed. */
    @Transactional
    public LoanView lose(@NotNull SignedInUser user, @NotNull String id, String note) {
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = asLender(user, loan);
        Who who = residents.signIn(user);
        loan.lose(who.residentId(), requireReason(note), clock.instant());
        freeDays(item, loan, null);
        record(user, who, "loan.lost", loan, note);
        return view(loan, item, user, true);
    }

    /**
     * The borrower keeps the item longer: while nobody has asked for those days, the item's loan
     * period allows it, and renewals are left (policy LOAN_MAX_RENEWALS).
     */
    @Transactional
    public LoanView renew(@NotNull SignedInUser user, @NotNull String id, @NotNull LocalDate newLastDay) {
        Who who = residents.signIn(user);
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        if (!loan.borrowerId().equals(who.residentId())) {
            throw new LoanNotFoundException(id);
        }
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        ListingDetails.Goods goods = lendable(item);
        if (!newLastDay.isAfter(loan.lastDay())) {
            throw new ProblemException.InvalidField("lastDay", "must be after the loan's last day, " + loan.lastDay());
        }
        int max = policy.value(Policy.LOAN_MAX_RENEWALS);
        if (loan.renewals() >= max) {
            throw new RenewalRefusedException("A loan may be renewed " + max + " times (policy LOAN_MAX_RENEWALS).");
        }
        long extra = ChronoUnit.DAYS.between(loan.lastDay(), newLastDay);
        if (extra > goods.loanPeriodDays()) {
            throw new ProblemException.InvalidField("lastDay", "a renewal adds at most " + goods.loanPeriodDays() + " days");
        }
        LocalDate from = loan.lastDay().plusDays(1);
        if (store.requestsOverlapping(item.id(), loan.id(), from, newLastDay) > 0) {
            throw new RenewalRefusedException("Someone is waiting for this item on those days.");
        }
        if (!closedDays(item, from, newLastDay).isEmpty()) {
            throw new RenewalRefusedException("Its owner has closed it on some of those days.");
        }
        loan.renewTo(newLastDay);
        holdDays(item, loan, from, newLastDay);
        return view(loan, item, user, false);
    }

    @Transactional
    public LoanView find(@NotNull SignedInUser user, @NotNull String id) {
        Who who = residents.signIn(user);
        Loan loan = store.loan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        boolean borrower = loan.borrowerId().equals(who.residentId());
        if (!borrower && !item.managedByCaller()) {
            throw new LoanNotFoundException(id);
        }
        return view(loan, item, user, item.managedByCaller());
    }

    /** The caller's loans as borrower, newest first. */
    @Transactional
    public List<LoanView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        List<LoanView> out = new ArrayList<>();
        for (Loan loan : store.ofBorrower(who.residentId())) {
            out.add(view(loan, listings.factsForParty(user, loan.listingId()), user, false));
        }
        return out;
    }

    /**
     * What the caller lends: the loans not yet over (requests, approved, out) of every item they
     * manage — their own, and for staff the city's tool library — with the borrowers' names.
     */
    @Transactional
    public List<LoanView> lending(@NotNull SignedInUser user) {
        List<Loan> loans = store.activeOfItems(listings.managedIds(user, ListingKind.GOODS));
        Map<String, String> names = residents.displayNames(loans.stream().map(Loan::borrowerId).toList());
        Map<String, ListingFacts> items = new java.util.HashMap<>();
        return loans.stream().map(l -> {
            ListingFacts item = items.computeIfAbsent(l.listingId(), id -> listings.factsForParty(user, id));
            return LoanViews.of(l, item.title(), names.get(l.borrowerId()), standing(l.borrowerId()), pickupPlace(item),
                    today());
        }).toList();
    }

    /** The deposit a new loan of the item carries: none when the council's waiver covers it. */
    private Integer deposit(ListingDetails.Goods goods) {
        Integer deposit = goods.depositKrw();
        return deposit != null && deposit > 0 && deposit <= policy.value(Policy.LOAN_DEPOSIT_WAIVED_UP_TO_KRW)
                ? null : deposit;
    }

    /** An item's loans and requests, for its lender. */
    @Transactional
    public List<LoanView> ofItem(@NotNull SignedInUser user, @NotNull String itemId) {
        ListingFacts item = listings.facts(user, itemId);
        if (!item.managedByCaller()) {
            throw new NotTheLenderException();
        }
        List<Loan> loans = store.ofItem(itemId);
        Map<String, String> names = residents.displayNames(loans.stream().map(Loan::borrowerId).toList());
        return loans.stream().map(l -> LoanViews.of(l, item.title(), names.get(l.borrowerId()), standing(l.borrowerId()),
                pickupPlace(item), today())).toList();
    }

    /**
     * For staff: loans back or lost whose deposit awaits their decision, oldest first, with the
     * borrower's name, the condition and any damage recorded (never the pick-up place).
     */
    @Transactional
    public List<LoanView> awaitingDepositDecision(@NotNull SignedInUser user) {
        List<Loan> loans = store.awaitingDepositDecision(500);
        Map<String, String> names = residents.displayNames(loans.stream().map(Loan::borrowerId).toList());
        Map<String, String> titles = new java.util.HashMap<>();
        return loans.stream().map(l -> LoanViews.of(l, titles.computeIfAbsent(l.listingId(),
                id -> listings.factsForParty(user, id).title()), names.get(l.borrowerId()), null, null, today())).toList();
    }

    /**
     * Staff decide what becomes of a deposit once the item is back or lost: all released, part
     * kept, or all kept, with the reason the borrower reads (and may appeal to the council).
     */
    @Transactional
    public LoanView decideDeposit(@NotNull SignedInUser user, @NotNull String id, @NotNull Loan.DepositOutcome outcome,
                                  Integer keptKrw, String reason) {
        Who who = residents.signIn(user);
        Loan loan = store.lockLoan(id).orElseThrow(() -> new LoanNotFoundException(id));
        if (loan.borrowerId().equals(who.residentId())) {
            throw new OwnLoanException();
        }
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        int deposit = loan.depositKrw() == null ? 0 : loan.depositKrw();
        int kept = switch (outcome) {
            case RELEASED -> 0;
            case KEPT -> deposit;
            case PARTLY_KEPT -> {
                if (keptKrw == null || keptKrw <= 0 || keptKrw >= deposit) {
                    throw new ProblemException.InvalidField("keptKrw", "between 1 and " + (deposit - 1) + " won");
                }
                yield keptKrw;
            }
        };
        String why = blankToNull(reason);
        if (outcome != Loan.DepositOutcome.RELEASED && why == null) {
            throw new ProblemException.InvalidField("reason", "say why part of the deposit is kept: the borrower is told");
        }
        loan.decideDeposit(outcome, kept, who.residentId(), why, clock.instant());
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "loan.deposit-decided", "loan", loan.id(),
                outcome + " " + kept + " of " + deposit + " won" + (why == null ? "" : ": " + why));
        return view(loan, item, user, true);
    }

    /** After a returned loan, its borrower and its lender may each rate the other once. */
    @Transactional
    public LoanViews.ReferenceView reference(@NotNull SignedInUser user, @NotNull String id, int rating, String comment) {
        Who who = residents.signIn(user);
        Loan loan = store.loan(id).orElseThrow(() -> new LoanNotFoundException(id));
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        boolean borrower = loan.borrowerId().equals(who.residentId());
        if (!borrower && !item.managedByCaller()) {
            throw new LoanNotFoundException(id);
        }
        if (loan.status() != Loan.Status.RETURNED) {
            throw new ReferenceNotAllowedException(
                    "References are left once the item is back (the loan is " + loan.status() + ").");
        }
        LoanReference reference = borrower
                ? new LoanReference(loan.id(), who.residentId(),
                        item.ownerType() == OwnerType.RESIDENT ? item.ownerId() : null,
                        LoanReference.Role.LENDER, rating, blankToNull(comment), clock.instant())
                : new LoanReference(loan.id(), who.residentId(), loan.borrowerId(),
                        LoanReference.Role.BORROWER, rating, blankToNull(comment), clock.instant());
        if (!store.addReference(reference)) {
            throw new ReferenceNotAllowedException(
                    "You already left a reference for this loan.");
        }
        return new LoanViews.ReferenceView(loan.id(), item.title(), reference.aboutRole().name(), rating,
                reference.comment(), user.displayName(), reference.createdAt());
    }

    /** References about the caller (with their standing) and those they wrote. */
    @Transactional
    public LoanViews.References references(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        var about = store.referencesAbout(who.residentId());
        var by = store.referencesBy(who.residentId());
        Map<String, String> names = residents.displayNames(about.stream().map(r -> r.authorId()).toList());
        return new LoanViews.References(standing(who.residentId()),
                about.stream().map(r -> referenceView(r, names.get(r.authorId()))).toList(),
                by.stream().map(r -> referenceView(r, user.displayName())).toList());
    }

    private LoanViews.ReferenceView referenceView(LoanReference r, String author) {
        String title = store.loan(r.loanId()).map(l -> listings.titleOf(l.listingId())).orElse("");
        return new LoanViews.ReferenceView(r.loanId(), title, r.aboutRole().name(), r.rating(), r.comment(), author,
                r.createdAt());
    }

    private LoanViews.Standing standing(String residentId) {
        var about = store.referencesAbout(residentId);
        return new LoanViews.Standing(about.size(), about.isEmpty() ? null
                : Math.round(about.stream().mapToInt(r -> r.rating()).average().orElse(0) * 10) / 10.0);
    }

    private ListingFacts asLender(SignedInUser user, Loan loan) {
        ListingFacts item = listings.factsForParty(user, loan.listingId());
        if (!item.managedByCaller()) {
            Who who = residents.signIn(user);
            if (loan.borrowerId().equals(who.residentId())) {
                throw new NotTheLenderException();
            }
            throw new LoanNotFoundException(loan.id());
        }
        return item;
    }

    private ListingDetails.Goods lendable(ListingFacts item) {
        if (item.kind() != ListingKind.GOODS) {
            throw new ItemNotLendableException("Only goods are borrowed; spaces are booked.");
        }
        if (item.status() != ListingStatus.PUBLISHED) {
            throw new ItemNotLendableException("This item is not being lent now (it is " + item.status() + ").");
        }
        ListingDetails.Goods goods = item.details() == null ? null : item.details().goods();
        if (goods == null) {
            throw new ItemNotLendableException("This item has no lending terms.");
        }
        return goods;
    }

    /**
     * Holds the days for the loan: refused with the days that are taken, and, should another loan
     * take one between that check and the insert, by the primary key. Search then leaves the item
     * out for them.
     */
    private void holdDays(ListingFacts item, Loan loan, LocalDate first, LocalDate last) {
        requireFree(item.id(), first, last);
        List<LocalDate> days = daysOf(first, last);
        if (!store.hold(loan.id(), item.id(), days)) {
            throw new DaysTakenException("Someone else's loan took some of those days a moment ago.", List.of());
        }
        listings.markTakenDays(item.id(), BlockedPeriod.Source.LOAN, new HashSet<>(days), Set.of());
    }

    private void requireFree(String itemId, LocalDate first, LocalDate last) {
        List<LoanDay> taken = store.takenAmong(itemId, daysOf(first, last));
        if (!taken.isEmpty()) {
            throw new DaysTakenException(taken.size() + " of those days the item is lent to someone else.",
                    taken.stream().map(d -> new Problem.FieldError("days", d.day() + " is taken")).toList());
        }
    }

    private static List<Problem.FieldError> closedDays(ListingFacts item, LocalDate first, LocalDate last) {
        List<Problem.FieldError> out = new ArrayList<>();
        for (LocalDate d : daysOf(first, last)) {
            if (item.ownerBlocked().stream().anyMatch(b -> !d.isBefore(b.firstDay()) && !d.isAfter(b.lastDay()))) {
                out.add(new Problem.FieldError("days", d + " is closed by its owner"));
            }
        }
        return out;
    }

    private void freeDays(ListingFacts item, Loan loan, LocalDate from) {
        List<LocalDate> freed = store.release(loan.id(), from);
        if (!freed.isEmpty()) {
            listings.markTakenDays(item.id(), BlockedPeriod.Source.LOAN, Set.of(), new HashSet<>(freed));
        }
    }

    private static List<LocalDate> daysOf(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private LoanView view(Loan loan, ListingFacts item, SignedInUser user, boolean asLender) {
        String name = asLender ? residents.displayNames(List.of(loan.borrowerId())).get(loan.borrowerId()) : null;
        // The pick-up place is private: the lender's, and the borrower's once the loan is approved.
        boolean placeShown = asLender || loan.status() == Loan.Status.APPROVED || loan.status() == Loan.Status.OUT;
        return LoanViews.of(loan, item.title(), name, asLender ? standing(loan.borrowerId()) : null,
                placeShown ? pickupPlace(item) : null, today());
    }

    private static String pickupPlace(ListingFacts item) {
        return item.details() == null || item.details().goods() == null ? null : item.details().goods().pickupPlace();
    }

    /** Who wrote the reference about this resident on this loan (moderation: a reported comment). */
    @Transactional
    public java.util.Optional<String> referenceAuthor(@NotNull String loanId, @NotNull String aboutId) {
        return store.referenceAbout(loanId, aboutId).map(LoanReference::authorId);
    }

    private void record(SignedInUser user, Who who, String action, Loan loan, String note) {
        // The city's tool library is run by staff: their every decision is on the record.
        if (user.hasRole(Roles.STAFF)) {
            audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, action, "loan", loan.id(), blankToNull(note));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cityZone);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why: the borrower is told");
        }
        return reason.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
