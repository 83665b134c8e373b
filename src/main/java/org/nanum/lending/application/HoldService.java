package org.nanum.lending.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.domain.Hold;
import org.nanum.lending.domain.LendingProblems.HoldLimitReachedException;
import org.nanum.lending.domain.LendingProblems.HoldNotFoundException;
import org.nanum.lending.domain.LendingProblems.HoldTransitionException;
import org.nanum.lending.domain.LendingProblems.ItemNotLendableException;
import org.nanum.lending.domain.LendingProblems.NoQueueException;
import org.nanum.lending.domain.LendingProblems.OwnItemException;
import org.nanum.lending.infrastructure.HoldStore;
import org.nanum.lending.infrastructure.LendingLocks;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Fair queues for items that are out. First come, first offered: when the item is back, the first
 * in line has HOLD_OFFER_HOURS to take it, then it passes to the next; nobody can sit on an offer.
 * Offers that ran out are passed on by a sweep every minute, on every node (rows are locked, so two
 * nodes never offer the same item twice).
 */
@ApplicationScoped
public class HoldService {
    private static final Logger LOG = Logger.getLogger(HoldService.class.getName());

    @Inject
    HoldStore store;
    @Inject
    LendingLocks locks;
    @Inject
    ListingService listings;
    @Inject
    LoanService loans;
    @Inject
    ResidentDirectory residents;
    @Inject
    PolicyService policy;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;
    @Inject
    @ConfigProperty(name = "nanum.holds.sweep-seconds", defaultValue = "60")
    int sweepSeconds;
    @Inject
    HoldService self;
    @Inject
    NotificationService notifications;
    @Resource
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> sweeper;

    /** A hold as its resident sees it: where they are in line, and until when an offer stands. */
    public record HoldView(String id, String itemId, String itemTitle, String status, int position, Instant joinedAt,
                           Instant offerExpiresAt, String loanId) {
    }

    void start(@Observes Startup startup) {
        sweeper = scheduler.scheduleWithFixedDelay(this::sweepQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    /** Joins the queue for an item that is out. */
    @Transactional
    public HoldView join(@NotNull SignedInUser user, @NotNull String itemId) {
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        ListingFacts item = listings.facts(user, itemId);
        if (item.kind() != ListingKind.GOODS || item.status() != ListingStatus.PUBLISHED) {
            throw new ItemNotLendableException("Only published goods have queues.");
        }
        if (item.ownerType() != OwnerType.CITY && item.managedByCaller()) {
            throw new OwnItemException();
        }
        locks.lockResident(who.residentId());
        List<Hold> queue = store.lockQueue(itemId);
        if (queue.stream().anyMatch(h -> h.residentId().equals(who.residentId()))) {
            throw new HoldTransitionException("you are already in this item's queue");
        }
        if (queue.isEmpty() && !store.isOut(itemId, today())) {
            throw new NoQueueException("The item is not out: ask to borrow it (POST /api/loans).");
        }
        int limit = policy.value(Policy.HOLD_MAX_ACTIVE);
        if (store.inLineOf(who.residentId()) >= limit) {
            throw new HoldLimitReachedException(limit);
        }
        Hold hold = new Hold(itemId, who.residentId(), clock.instant());
        store.add(hold);
        return view(hold, item.title(), queue.size() + 1);
    }

    /** The caller's holds, in line and ended, with their places. */
    @Transactional
    public List<HoldView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        List<HoldView> out = new ArrayList<>();
        for (Hold h : store.ofResident(who.residentId())) {
            int position = h.status() == Hold.Status.WAITING || h.status() == Hold.Status.OFFERED
                    ? store.queue(h.listingId()).stream().map(Hold::id).toList().indexOf(h.id()) + 1 : 0;
            out.add(view(h, listings.titleOf(h.listingId()), position));
        }
        return out;
    }

    /** Leaves the queue; an offer the caller had passes to the next. */
    @Transactional
    public HoldView leave(@NotNull SignedInUser user, @NotNull String id) {
        Hold hold = own(user, id);
        boolean hadOffer = hold.status() == Hold.Status.OFFERED;
        hold.cancel(clock.instant());
        if (hadOffer) {
            offerNext(hold.listingId());
        }
        return view(hold, listings.titleOf(hold.listingId()), 0);
    }

    /** Takes the offered item: an approved loan from today for the item's loan period (or fewer days). */
    @Transactional
    public LoanViews.LoanView take(@NotNull SignedInUser user, @NotNull String id, LocalDate lastDay) {
        Hold hold = own(user, id);
        if (hold.status() != Hold.Status.OFFERED) {
            throw new HoldTransitionException("nothing is offered to you yet (you are " + hold.status() + ")");
        }
        LoanViews.LoanView loan = loans.approvedFromQueue(user, hold.listingId(), today(), lastDay);
        hold.take(loan.id(), clock.instant());
        return loan;
    }

    /**
     * The item may be free again (returned, cancelled, lost): offers it to the first in line when
     * nobody has an offer and it is not out. Joins the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerNext(String itemId) {
        List<Hold> queue = store.lockQueue(itemId);
        if (queue.isEmpty() || queue.stream().anyMatch(h -> h.status() == Hold.Status.OFFERED)
                || store.isOut(itemId, today())) {
            return;
        }
        Hold first = queue.get(0);
        first.offer(clock.instant(), Duration.ofHours(policy.value(Policy.HOLD_OFFER_HOURS)));
        notifications.tell(first.residentId(), NotificationKind.HOLD_OFFERED, listings.titleOf(itemId), "/api/holds/mine");
    }

    /** Passes on offers that ran out; returns how many items moved on. */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        int moved = 0;
        for (String item : store.itemsWithExpiredOffers(now)) {
            for (Hold h : store.lockQueue(item)) {
                if (h.status() == Hold.Status.OFFERED && h.offerExpiresAt().isBefore(now)) {
                    h.expire(now);
                    moved++;
                }
            }
            offerNext(item);
        }
        return moved;
    }

    private void sweepQuietly() {
        try {
            int moved = self.sweep();
            if (moved > 0) {
                LOG.info(() -> moved + " hold offers ran out and passed to the next in line");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not pass on expired hold offers this round: " + e);
        }
    }

    private Hold own(SignedInUser user, String id) {
        Who who = residents.signIn(user);
        Hold hold = store.lockHold(id).orElseThrow(() -> new HoldNotFoundException(id));
        if (!hold.residentId().equals(who.residentId())) {
            throw new HoldNotFoundException(id);
        }
        return hold;
    }

    private static HoldView view(Hold h, String title, int position) {
        return new HoldView(h.id(), h.listingId(), title, h.status().name(), position, h.joinedAt(),
                h.status() == Hold.Status.OFFERED ? h.offerExpiresAt() : null, h.loanId());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cityZone);
    }
}
