package org.nanum.lending.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.ListingStatus;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.application.BookingViews.Booked;
import org.nanum.lending.application.BookingViews.BookingView;
import org.nanum.lending.application.BookingViews.SlotView;
import org.nanum.lending.application.BookingViews.SpaceDay;
import org.nanum.lending.domain.Booking;
import org.nanum.lending.domain.BookingSlot;
import org.nanum.lending.domain.LendingProblems.BookingLimitReachedException;
import org.nanum.lending.domain.LendingProblems.BookingNotFoundException;
import org.nanum.lending.domain.LendingProblems.NotYourSpaceException;
import org.nanum.lending.domain.LendingProblems.OwnSpaceException;
import org.nanum.lending.domain.LendingProblems.SlotTakenException;
import org.nanum.lending.domain.LendingProblems.SpaceNotBookableException;
import org.nanum.lending.domain.LendingProblems.TooLateToCancelException;
import org.nanum.lending.domain.SlotGrid;
import org.nanum.lending.infrastructure.BookingStore;
import org.nanum.lending.infrastructure.LendingLocks;
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
 * Booking spaces. The database has the last word on a taken quarter hour (the primary key of
 * {@code booking_slot}); the checks before it are there to answer clearly, not to be trusted
 * alone under concurrency.
 */
@ApplicationScoped
public class BookingService {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH);
    /** Longest period staff may close a space for in one go. */
    static final Duration MAX_BLOCK = Duration.ofDays(31);

    @Inject
    BookingStore store;
    @Inject
    LendingLocks locks;
    @Inject
    NotificationService notifications;
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

    /** Books a space once, or on the same weekday and time for several weeks. */
    @Transactional
    public Booked book(@NotNull SignedInUser user, @NotNull @Valid BookSpaceRequest r) {
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        ListingFacts space = listings.facts(user, r.spaceId());
        SlotGrid grid = bookableGrid(space);
        if (space.ownerType() != OwnerType.CITY && space.managedByCaller()) {
            throw new OwnSpaceException();
        }
        Instant now = clock.instant();
        int weeks = r.weeks() == null ? 1 : r.weeks();
        if (weeks > policy.value(Policy.BOOKING_MAX_OCCURRENCES)) {
            throw new ProblemException.InvalidField("weeks", "at most " + policy.value(Policy.BOOKING_MAX_OCCURRENCES)
                    + " dates in one recurring booking (policy BOOKING_MAX_OCCURRENCES)");
        }
        Instant start = r.start().toInstant();
        Instant end = r.end().toInstant();
        if (!end.isAfter(start)) {
            throw new ProblemException.InvalidField("end", "must be after the start");
        }
        if (!start.isAfter(now)) {
            throw new ProblemException.InvalidField("start", "is in the past");
        }
        int maxHours = policy.value(Policy.BOOKING_MAX_HOURS);
        if (Duration.between(start, end).compareTo(Duration.ofHours(maxHours)) > 0) {
            throw new ProblemException.InvalidField("end", "a booking lasts at most " + maxHours
                    + " hours (policy BOOKING_MAX_HOURS)");
        }
        grid.requireBookable(start, end);
        ZonedDateTime zStart = start.atZone(cityZone);
        ZonedDateTime zEnd = end.atZone(cityZone);
        Instant horizon = now.plus(Duration.ofDays(policy.value(Policy.BOOKING_MAX_DAYS_AHEAD)));
        List<Instant[]> dates = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            Instant s = zStart.plusWeeks(i).toInstant();
            Instant e = zEnd.plusWeeks(i).toInstant();
            if (s.isAfter(horizon)) {
                throw new ProblemException.InvalidField(i == 0 ? "start" : "weeks", "spaces are booked at most "
                        + policy.value(Policy.BOOKING_MAX_DAYS_AHEAD) + " days ahead (policy BOOKING_MAX_DAYS_AHEAD)");
            }
            grid.requireBookable(s, e);
            dates.add(new Instant[] {s, e});
        }
        List<Problem.FieldError> closed = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate day = dates.get(i)[0].atZone(cityZone).toLocalDate();
            if (space.ownerBlocked().stream().anyMatch(d -> !day.isBefore(d.firstDay()) && !day.isAfter(d.lastDay()))) {
                closed.add(new Problem.FieldError("dates[" + i + "]", describe(dates.get(i)) + ": the space is closed that day"));
            }
        }
        if (!closed.isEmpty()) {
            throw new SpaceNotBookableException("The space is closed on " + closed.size() + " of the dates asked for.", closed);
        }

        // Dates that clash now: refused (all or nothing) or skipped.
        Set<Instant> taken = store.takenAmong(space.id(), dates.stream()
                .flatMap(d -> SlotGrid.quarters(d[0], d[1]).stream()).toList()).stream()
                .map(BookingSlot::slotStart).collect(Collectors.toSet());
        List<Problem.FieldError> clashes = new ArrayList<>();
        List<Instant[]> free = new ArrayList<>();
        List<Instant> skipped = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Instant[] d = dates.get(i);
            if (SlotGrid.quarters(d[0], d[1]).stream().anyMatch(taken::contains)) {
                clashes.add(new Problem.FieldError("dates[" + i + "]", describe(d) + " is taken"));
                skipped.add(d[0]);
            } else {
                free.add(d);
            }
        }
        boolean allOrNothing = r.allOrNothing() == null || r.allOrNothing();
        if (!clashes.isEmpty() && (allOrNothing || free.isEmpty())) {
            throw new SlotTakenException(clashes.size() == 1 && dates.size() == 1 ? describe(dates.get(0)) + " is taken."
                    : clashes.size() + " of the " + dates.size() + " dates are taken; nothing was booked.", clashes);
        }
        // Only a request that can succeed waits for the resident's lock: when many race for one
        // slot, the losers are answered without queueing behind each other.
        locks.lockResident(who.residentId());
        int limit = policy.value(Policy.BOOKING_MAX_ACTIVE);
        if (store.futureBookingsOf(who.residentId(), now) + free.size() > limit) {
            throw new BookingLimitReachedException(limit);
        }
        String series = free.size() > 1 ? UUID.randomUUID().toString() : null;
        List<Booking> made = new ArrayList<>();
        List<BookingSlot> slots = new ArrayList<>();
        for (Instant[] d : free) {
            Booking b = new Booking(space.id(), who.residentId(), Booking.Purpose.BOOKING, blankToNull(r.groupName()),
                    blankToNull(r.note()), d[0], d[1], series, now);
            made.add(b);
            SlotGrid.quarters(d[0], d[1]).forEach(q -> slots.add(new BookingSlot(space.id(), q, b.id())));
        }
        if (!store.add(made, slots)) {
            // Another request took a quarter hour between the check above and this insert.
            throw new SlotTakenException("Someone booked that time a moment ago; nothing was booked.", List.of());
        }
        markFullDays(space, grid, made);
        return new Booked(made.stream().map(b -> BookingView.of(b, space.title(), null, true)).toList(), skipped);
    }

    /** Closes a space for a period: its staff (the city's spaces) or owner. Refused while bookings clash. */
    @Transactional
    public BookingView block(@NotNull SignedInUser user, @NotNull @Valid BlockSpaceRequest r) {
        Who who = residents.signIn(user);
        ListingFacts space = listings.facts(user, r.spaceId());
        if (!space.managedByCaller()) {
            throw new NotYourSpaceException();
        }
        if (space.kind() != ListingKind.SPACE) {
            throw new SpaceNotBookableException("Only spaces take bookings and blocks.");
        }
        Instant start = r.start().toInstant();
        Instant end = r.end().toInstant();
        SlotGrid grid = new SlotGrid(60, List.of(), cityZone);
        if (!end.isAfter(start)) {
            throw new ProblemException.InvalidField("end", "must be after the start");
        }
        if (!end.isAfter(clock.instant())) {
            throw new ProblemException.InvalidField("end", "is in the past");
        }
        if (!grid.onQuarter(start) || !grid.onQuarter(end)) {
            throw new ProblemException.InvalidField(grid.onQuarter(start) ? "end" : "start", "on a quarter hour");
        }
        if (Duration.between(start, end).compareTo(MAX_BLOCK) > 0) {
            throw new ProblemException.InvalidField("end", "at most 31 days in one block");
        }
        List<Instant> quarters = SlotGrid.quarters(start, end);
        List<BookingSlot> taken = store.takenAmong(space.id(), quarters);
        if (!taken.isEmpty()) {
            List<Problem.FieldError> clashes = taken.stream().map(BookingSlot::bookingId).distinct()
                    .map(id -> store.booking(id).orElseThrow())
                    .map(b -> new Problem.FieldError("bookings", b.id() + " " + describe(new Instant[] {b.startsAt(), b.endsAt()})))
                    .toList();
            throw new SlotTakenException(clashes.size() + " bookings fall in that period; cancel them first "
                    + "(their bookers are told why).", clashes);
        }
        Instant now = clock.instant();
        Booking b = new Booking(space.id(), who.residentId(), Booking.Purpose.BLOCK, null, r.reason().strip(), start, end,
                null, now);
        if (!store.add(List.of(b), quarters.stream().map(q -> new BookingSlot(space.id(), q, b.id())).toList())) {
            throw new SlotTakenException("Someone booked part of that period a moment ago; nothing was blocked.", List.of());
        }
        audit.record(who.residentId(), actorKind(user), "space.blocked", "listing", space.id(),
                describe(new Instant[] {start, end}) + ": " + r.reason().strip());
        if (space.status() == ListingStatus.PUBLISHED && space.details() != null && space.details().space() != null
                && space.details().space().bookableHours() != null) {
            markFullDays(space, new SlotGrid(space.details().space().slotMinutes(), space.details().space().bookableHours(),
                    cityZone), List.of(b));
        }
        return BookingView.of(b, space.title(), null, true);
    }

    /**
     * Cancels a booking: its booker until the free-cancellation limit before the start; the space's
     * staff or owner at any time before it ends, with a reason (recorded in the audit trail).
     */
    @Transactional
    public BookingView cancel(@NotNull SignedInUser user, @NotNull String bookingId, String reason) {
        Who who = residents.signIn(user);
        Booking b = store.lockBooking(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
        ListingFacts space = listings.factsForParty(user, b.listingId());
        boolean booker = b.bookerId().equals(who.residentId());
        if (!booker && !space.managedByCaller()) {
            throw new BookingNotFoundException(bookingId);
        }
        Instant now = clock.instant();
        String why = blankToNull(reason);
        if (booker && b.purpose() == Booking.Purpose.BOOKING && !space.managedByCaller()) {
            int hours = policy.value(Policy.BOOKING_FREE_CANCEL_HOURS);
            if (now.isAfter(b.startsAt().minus(Duration.ofHours(hours)))) {
                throw new TooLateToCancelException(hours);
            }
        } else if (why == null) {
            throw new ProblemException.InvalidField("reason", "say why: the booker is told");
        }
        b.cancel(who.residentId(), why, now);
        store.release(b.id());
        if (!booker && b.purpose() == Booking.Purpose.BOOKING) {
            notifications.tell(b.bookerId(), NotificationKind.BOOKING_CANCELLED, space.title(), "/api/bookings/" + b.id());
        }
        if (!booker || b.purpose() == Booking.Purpose.BLOCK) {
            audit.record(who.residentId(), actorKind(user), b.purpose() == Booking.Purpose.BLOCK ? "space.unblocked"
                    : "booking.cancelled-by-staff", "booking", b.id(), why);
        }
        if (space.details() != null && space.details().space() != null && space.details().space().bookableHours() != null) {
            markFullDays(space, new SlotGrid(space.details().space().slotMinutes(), space.details().space().bookableHours(),
                    cityZone), List.of(b));
        }
        return BookingView.of(b, space.title(), null, booker);
    }

    /** The caller's bookings that have not ended (and those that ended in the last 30 days). */
    @Transactional
    public List<BookingView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        List<Booking> bookings = store.ofBooker(who.residentId(), clock.instant().minus(Duration.ofDays(30)));
        Map<String, String> titles = new java.util.HashMap<>();
        return bookings.stream().map(b -> BookingView.of(b, titles.computeIfAbsent(b.listingId(), listings::titleOf),
                null, true)).toList();
    }

    /** One booking, for its booker or the space's manager. */
    @Transactional
    public BookingView find(@NotNull SignedInUser user, @NotNull String bookingId) {
        Who who = residents.signIn(user);
        Booking b = store.booking(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
        ListingFacts space = listings.factsForParty(user, b.listingId());
        boolean booker = b.bookerId().equals(who.residentId());
        if (!booker && !space.managedByCaller()) {
            throw new BookingNotFoundException(bookingId);
        }
        String name = space.managedByCaller() ? residents.displayNames(List.of(b.bookerId())).get(b.bookerId()) : null;
        return BookingView.of(b, space.title(), name, booker);
    }

    /** A space's bookings between two days, with who booked: for its staff or owner. */
    @Transactional
    public List<BookingView> ofSpace(@NotNull SignedInUser user, @NotNull String spaceId, LocalDate from, LocalDate to) {
        Who who = residents.signIn(user);
        ListingFacts space = listings.facts(user, spaceId);
        if (!space.managedByCaller()) {
            throw new NotYourSpaceException();
        }
        List<Booking> bookings = store.ofSpace(spaceId, from.atStartOfDay(cityZone).toInstant(),
                to.plusDays(1).atStartOfDay(cityZone).toInstant());
        Map<String, String> names = residents.displayNames(bookings.stream().map(Booking::bookerId).toList());
        return bookings.stream().map(b -> BookingView.of(b, space.title(), names.get(b.bookerId()),
                b.bookerId().equals(who.residentId()))).toList();
    }

    /** The bookings of every space the caller manages (staff: the city's) between two days, with who booked. */
    @Transactional
    public List<BookingView> managed(@NotNull SignedInUser user, @NotNull LocalDate from, @NotNull LocalDate to) {
        Who who = residents.signIn(user);
        List<Booking> found = store.ofSpaces(listings.managedIds(user, ListingKind.SPACE),
                from.atStartOfDay(cityZone).toInstant(), to.plusDays(1).atStartOfDay(cityZone).toInstant());
        Map<String, String> names = residents.displayNames(found.stream().map(Booking::bookerId).toList());
        Map<String, String> titles = new java.util.HashMap<>();
        return found.stream().map(b -> BookingView.of(b, titles.computeIfAbsent(b.listingId(), listings::titleOf),
                names.get(b.bookerId()), b.bookerId().equals(who.residentId()))).toList();
    }

    /** A day of a space's grid, free and taken slots, for anyone (who booked is not shown). */
    @Transactional
    public SpaceDay day(SignedInUser userOrNull, @NotNull String spaceId, @NotNull LocalDate date) {
        ListingFacts space = listings.facts(userOrNull, spaceId);
        SlotGrid grid = bookableGrid(space);
        if (space.ownerBlocked().stream().anyMatch(d -> !date.isBefore(d.firstDay()) && !date.isAfter(d.lastDay()))) {
            return new SpaceDay(spaceId, date, List.of(), "closed by its owner that day");
        }
        List<SlotGrid.Slot> slots = grid.slotsOn(date);
        if (slots.isEmpty()) {
            return new SpaceDay(spaceId, date, List.of(), "not open for bookings that day");
        }
        Set<Instant> taken = store.takenBetween(spaceId, slots.get(0).start(), slots.get(slots.size() - 1).end())
                .stream().map(BookingSlot::slotStart).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<SlotView> out = slots.stream().map(s -> new SlotView(s.start(), s.end(), s.start().isAfter(now)
                && SlotGrid.quarters(s.start(), s.end()).stream().noneMatch(taken::contains))).toList();
        return new SpaceDay(spaceId, date, out, null);
    }

    private SlotGrid bookableGrid(ListingFacts space) {
        if (space.kind() != ListingKind.SPACE) {
            throw new SpaceNotBookableException("Only spaces are booked; goods are borrowed.");
        }
        if (space.status() != ListingStatus.PUBLISHED) {
            throw new SpaceNotBookableException("This space is not open for bookings (it is " + space.status() + ").");
        }
        ListingDetails.Space details = space.details() == null ? null : space.details().space();
        if (details == null || details.bookableHours() == null || details.bookableHours().isEmpty()) {
            throw new SpaceNotBookableException("This space takes no bookings online; its description says how to ask.");
        }
        return new SlotGrid(details.slotMinutes(), details.bookableHours(), cityZone);
    }

    /** Tells the catalogue which of the days these bookings touch are now fully taken, for search. */
    private void markFullDays(ListingFacts space, SlotGrid grid, List<Booking> touched) {
        Set<LocalDate> days = new TreeSet<>();
        for (Booking b : touched) {
            for (LocalDate d = b.startsAt().atZone(cityZone).toLocalDate();
                 !d.isAfter(b.endsAt().minusNanos(1).atZone(cityZone).toLocalDate()); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        Set<LocalDate> full = new HashSet<>();
        Set<LocalDate> notFull = new HashSet<>();
        for (LocalDate day : days) {
            List<SlotGrid.Slot> slots = grid.slotsOn(day);
            if (slots.isEmpty()) {
                continue;
            }
            Set<Instant> taken = store.takenBetween(space.id(), slots.get(0).start(), slots.get(slots.size() - 1).end())
                    .stream().map(BookingSlot::slotStart).collect(Collectors.toSet());
            boolean allTaken = slots.stream().allMatch(s -> SlotGrid.quarters(s.start(), s.end()).stream()
                    .anyMatch(taken::contains));
            (allTaken ? full : notFull).add(day);
        }
        listings.markTakenDays(space.id(), BlockedPeriod.Source.BOOKING, full, notFull);
    }

    private String describe(Instant[] period) {
        return WHEN.format(period[0].atZone(cityZone)) + "–" + DateTimeFormatter.ofPattern("HH:mm").format(period[1].atZone(cityZone));
    }

    private static AuditRecord.ActorKind actorKind(SignedInUser user) {
        return user.hasRole(Roles.STAFF) ? AuditRecord.ActorKind.STAFF : AuditRecord.ActorKind.RESIDENT;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
