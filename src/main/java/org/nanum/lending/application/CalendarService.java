package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nanum.catalogue.application.ListingService;
import org.nanum.lending.domain.Booking;
import org.nanum.lending.domain.CalendarFeed;
import org.nanum.lending.domain.ICalendar;
import org.nanum.lending.domain.Loan;
import org.nanum.lending.infrastructure.BookingStore;
import org.nanum.lending.infrastructure.LoanStore;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * A resident's bookings and loans as a private iCalendar feed: the URL's token is the only key
 * (calendar apps cannot send a bearer token), so it is long and random, kept only as a hash, and
 * can be replaced or revoked at any time.
 */
@ApplicationScoped
public class CalendarService {
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentDirectory residents;
    @Inject
    BookingStore bookings;
    @Inject
    LoanStore loans;
    @Inject
    ListingService listings;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.inject.Instance<CalendarSource> sources;

    /** The feed's token, shown once: only its hash is kept. */
    public record Feed(String token, Instant createdAt) {
    }

    /** Makes a new feed URL token, revoking any earlier one. */
    @Transactional
    public Feed renew(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        CalendarFeed feed = em.find(CalendarFeed.class, who.residentId());
        if (feed == null) {
            feed = new CalendarFeed(who.residentId(), token, now);
            em.persist(feed);
        } else {
            feed.replaceToken(token, now);
        }
        return new Feed(token, now);
    }

    /** Revokes the caller's feed; returns whether there was one. */
    @Transactional
    public boolean revoke(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        CalendarFeed feed = em.find(CalendarFeed.class, who.residentId());
        if (feed != null) {
            em.remove(feed);
        }
        return feed != null;
    }

    /** The feed for a token, or empty when no feed has it (never issued, replaced or revoked). */
    @Transactional
    public Optional<String> render(@NotNull String token) {
        List<CalendarFeed> found = em.createQuery("select f from CalendarFeed f where f.tokenHash = :h", CalendarFeed.class)
                .setParameter("h", CalendarFeed.hash(token)).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String resident = found.get(0).residentId();
        Instant now = clock.instant();
        Map<String, String> titles = new HashMap<>();
        ICalendar ics = new ICalendar("Nanum", now);
        for (Booking b : bookings.ofBooker(resident, now.minus(Duration.ofDays(30)))) {
            String title = titles.computeIfAbsent(b.listingId(), id -> listings.titleOf(id));
            ics.event("booking-" + b.id() + "@nanum", b.startsAt(), b.endsAt(), "Booking: " + title,
                    b.groupName() == null ? null : "For " + b.groupName(), title,
                    b.status() == Booking.Status.CANCELLED);
        }
        for (Loan l : loans.ofBorrower(resident)) {
            if (l.status() == Loan.Status.APPROVED || l.status() == Loan.Status.OUT || l.status() == Loan.Status.CANCELLED) {
                String title = titles.computeIfAbsent(l.listingId(), id -> listings.titleOf(id));
                ics.allDay("loan-" + l.id() + "@nanum", l.firstDay(), l.lastDay(), "Borrowed: " + title,
                        "Give it back by the end of " + l.lastDay() + ".", null, l.status() == Loan.Status.CANCELLED);
            }
        }
        for (CalendarSource source : sources) {
            source.addTo(ics, resident, now);
        }
        return Optional.of(ics.end());
    }
}
