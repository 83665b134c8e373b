package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.ListingService.ListingFacts;
import org.nanum.catalogue.domain.Direction;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.OwnerType;
import org.nanum.lending.application.ConversationService;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.domain.ResidentsProblems.SitterNotVerifiedException;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;
import org.nanum.timebank.application.TimebankViews.CareNoteView;
import org.nanum.timebank.application.TimebankViews.SessionView;
import org.nanum.timebank.domain.Account;
import org.nanum.timebank.domain.CareNote;
import org.nanum.timebank.domain.Session;
import org.nanum.timebank.domain.TimebankProblems.ListingNotForSessionsException;
import org.nanum.timebank.domain.TimebankProblems.NotYourTurnException;
import org.nanum.timebank.domain.TimebankProblems.OwnListingException;
import org.nanum.timebank.domain.TimebankProblems.ProviderBusyException;
import org.nanum.timebank.domain.TimebankProblems.SessionNotFoundException;
import org.nanum.timebank.domain.TimebankProblems.SessionTransitionException;
import org.nanum.timebank.infrastructure.SessionStore;

/**
 * Babysitting swaps and services paid in minutes (TimesFree-style). A family takes up a sitter's
 * offer (the session is scheduled and the minutes held at once), or a verified sitter answers a
 * family's request (the family accepts, then the minutes are held). After the session both sides
 * confirm the time given, possibly adjusted within TIMEBANK_ADJUST_MAX_MINUTES with the other
 * side agreeing; then the minutes post. Disagreements go to staff; a no-show voids the hold.
 *
 * <p>Only the two households see a session: anyone else gets 404, as if it did not exist.
 */
@ApplicationScoped
public class SessionService {
    static final Duration LONGEST = Duration.ofHours(12);
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration FURTHEST = Duration.ofDays(180);
    /** Care notes outlive their session's end by this much at most (a late pick-up, a call afterwards). */
    public static final Duration CARE_NOTE_AFTER_END = Duration.ofHours(6);
    /** A dispute's reason or a no-show's note fits its column (tb_session.dispute_reason) with the words put before it. */
    static final int NOTE_LONGEST = 400;

    @Inject
    SessionStore store;
    @Inject
    Ledger ledger;
    @Inject
    ListingService listings;
    @Inject
    ResidentDirectory residents;
    @Inject
    NotificationService notifications;
    @Inject
    ConversationService conversations;
    @Inject
    PolicyService policy;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Takes up an offer (scheduled, minutes held) or answers a request (proposed). */
    @Transactional
    public SessionView start(@NotNull SignedInUser user, @NotNull @Valid SessionRequest r) {
        Who who = residents.signIn(user);
        residents.requireNotSuspended(who);
        String household = residents.householdOf(who);
        ListingFacts listing = listings.facts(user, r.listingId());
        Session.Kind kind = switch (listing.kind()) {
            case CHILDCARE -> Session.Kind.CHILDCARE;
            case SERVICE -> Session.Kind.SERVICE;
            default -> throw new ListingNotForSessionsException("Only childcare and service listings are paid in minutes.");
        };
        String ownerHousehold = listing.ownerType() == OwnerType.HOUSEHOLD ? listing.ownerId()
                : listing.ownerType() == OwnerType.RESIDENT ? residents.householdOfResident(listing.ownerId()) : null;
        if (ownerHousehold == null) {
            throw new ListingNotForSessionsException("Its owner has no household account to swap time with yet.");
        }
        if (ownerHousehold.equals(household)) {
            throw new OwnListingException();
        }
        // The owner's person: the sitter who offers, or the parent who asks.
        String ownerPerson = listing.ownerType() == OwnerType.RESIDENT ? listing.ownerId() : listing.createdBy();
        boolean offer = listing.direction() == Direction.OFFER;
        String providerHousehold = offer ? ownerHousehold : household;
        String providerResident = offer ? ownerPerson : who.residentId();
        String receiverHousehold = offer ? household : ownerHousehold;
        String receiverResident = offer ? who.residentId() : ownerPerson;
        Integer children = requireTimes(kind, listing, r);
        if (kind == Session.Kind.CHILDCARE && !residents.isVerifiedSitter(providerResident)) {
            throw new SitterNotVerifiedException(offer ? "The sitter's" : "Your");
        }
        Instant now = clock.instant();
        store.lockProvider(providerResident);
        if (store.overlapping(providerResident, r.startsAt(), r.endsAt()) > 0) {
            throw new ProviderBusyException();
        }
        Session s = new Session(kind, listing.id(), providerHousehold, providerResident, receiverHousehold,
                receiverResident, r.startsAt(), r.endsAt(), children, now);
        store.add(s);
        if (offer) {
            hold(s, now);
            tellHousehold(providerHousehold, NotificationKind.SESSION_SCHEDULED, listing.title(), s);
        } else {
            tellHousehold(receiverHousehold, NotificationKind.SESSION_PROPOSED, listing.title(), s);
        }
        if (r.message() != null && !r.message().isBlank()) {
            conversations.write(user, org.nanum.lending.domain.Message.Thread.SESSION, s.id(),
                    participants(s, listing.title()), r.message());
        }
        return view(s, household, listing.title());
    }

    /** The receiving family accepts a sitter's answer: the minutes are held. */
    @Transactional
    public SessionView accept(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        residents.requireNotSuspended(residents.signIn(user));
        if (p.side != Session.Side.RECEIVER) {
            throw new NotYourTurnException("The household that receives the time accepts the answer to its request.");
        }
        if (p.session.kind() == Session.Kind.CHILDCARE && !residents.isVerifiedSitter(p.session.providerResident())) {
            throw new SitterNotVerifiedException("The sitter's");
        }
        Instant now = clock.instant();
        if (!p.session.startsAt().isAfter(now)) {
            throw new SessionTransitionException("The session's start has passed: ask for a new one.");
        }
        hold(p.session, now);
        tellHousehold(p.session.providerHousehold(), NotificationKind.SESSION_SCHEDULED, title(p.session), p.session);
        return view(p.session, p.household, null);
    }

    @Transactional
    public SessionView decline(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        if (p.side != Session.Side.RECEIVER) {
            throw new NotYourTurnException("The household that receives the time declines an answer; you may cancel it.");
        }
        p.session.decline(clock.instant());
        tellHousehold(p.session.providerHousehold(), NotificationKind.SESSION_CANCELLED, title(p.session), p.session);
        return view(p.session, p.household, null);
    }

    /** Either side, before the session starts. The hold is voided and the care note erased. */
    @Transactional
    public SessionView cancel(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        Instant now = clock.instant();
        if (!p.session.startsAt().isAfter(now)) {
            throw new SessionTransitionException("The session has started: confirm it, report a no-show, or dispute it.");
        }
        boolean held = p.session.status() == Session.Status.SCHEDULED;
        p.session.cancel(now);
        if (held) {
            ledger.voidHold(p.session.transferId());
        }
        store.eraseCareNote(p.session.id());
        tellHousehold(other(p), NotificationKind.SESSION_CANCELLED, title(p.session), p.session);
        return view(p.session, p.household, null);
    }

    /**
     * One side confirms the time given ({@code minutes}: the scheduled duration when absent). When
     * both sides said the same, the minutes post.
     */
    @Transactional
    public SessionView confirm(@NotNull SignedInUser user, @NotNull String id, Integer minutes) {
        Party p = party(user, id);
        Session s = p.session;
        Instant now = clock.instant();
        if (s.status() == Session.Status.SCHEDULED && s.startsAt().isAfter(now)) {
            throw new SessionTransitionException("The session has not started yet.");
        }
        int confirmed = minutes == null ? s.minutes() : minutes;
        int adjust = policy.value(Policy.TIMEBANK_ADJUST_MAX_MINUTES);
        if (confirmed < 1 || Math.abs(confirmed - s.minutes()) > adjust) {
            throw new ProblemException.InvalidField("minutes", "between " + Math.max(1, s.minutes() - adjust) + " and "
                    + (s.minutes() + adjust) + " (the scheduled " + s.minutes() + " minutes, give or take "
                    + adjust + ": policy TIMEBANK_ADJUST_MAX_MINUTES)");
        }
        Integer agreed = s.confirm(p.side, confirmed, now);
        if (agreed != null) {
            ledger.post(s.transferId(), agreed);
            s.posted(now);
            store.eraseCareNote(s.id());
            tellHousehold(s.providerHousehold(), NotificationKind.MINUTES_RECEIVED, agreed + " min", s);
        } else {
            tellHousehold(other(p), NotificationKind.SESSION_TO_CONFIRM, title(s), s);
        }
        return view(s, p.household, null);
    }

    /**
     * A side reports that the other did not come. That is a claim, not a verdict: the other side
     * confirms it (the hold is voided) or disputes it (staff decide) within
     * TIMEBANK_NO_SHOW_ANSWER_HOURS; unanswered by then, the claim stands. When the other side has
     * already confirmed the session, it goes to staff as a dispute at once.
     */
    @Transactional
    public SessionView noShow(@NotNull SignedInUser user, @NotNull String id, String note) {
        Party p = party(user, id);
        Session s = p.session;
        Instant now = clock.instant();
        if (s.status() == Session.Status.SCHEDULED && s.startsAt().isAfter(now)) {
            throw new SessionTransitionException("The session has not started yet: cancel it instead.");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > NOTE_LONGEST) {
            throw new ProblemException.InvalidField("reason", "at most " + NOTE_LONGEST + " characters");
        }
        Integer otherConfirmed = p.side == Session.Side.PROVIDER ? s.receiverMinutes() : s.providerMinutes();
        Who who = residents.signIn(user);
        if (otherConfirmed != null) {
            s.dispute(who.residentId(), "No-show reported after the other side confirmed" + (n == null ? "" : ": " + n), now);
            tellHousehold(other(p), NotificationKind.SESSION_DISPUTED, title(s), s);
        } else {
            Instant answerBy = now.plus(Duration.ofHours(policy.value(Policy.TIMEBANK_NO_SHOW_ANSWER_HOURS)));
            s.claimNoShow(p.side == Session.Side.PROVIDER ? Session.Side.RECEIVER : Session.Side.PROVIDER, who.residentId(),
                    answerBy, now);
            store.eraseCareNote(s.id());
            tellHousehold(other(p), NotificationKind.NO_SHOW_CLAIMED, title(s), s);
        }
        return view(s, p.household, null);
    }

    /** The side said to be absent agrees it did not come: the claim stands and the hold is voided. */
    @Transactional
    public SessionView confirmNoShow(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        Session s = p.session;
        if (s.status() != Session.Status.NO_SHOW_CLAIMED) {
            throw new SessionTransitionException(s.status(), Session.Status.NO_SHOW_CLAIMED);
        }
        if (p.side != s.noShowSide()) {
            throw new NotYourTurnException("The side said to be absent answers the claim; staff decide if it is disputed.");
        }
        noShowStands(s, clock.instant());
        return view(s, p.household, null);
    }

    private void noShowStands(Session s, Instant now) {
        s.noShowStands(now);
        ledger.voidHold(s.transferId());
        store.eraseCareNote(s.id());
        tellHousehold(s.providerHousehold(), NotificationKind.SESSION_CANCELLED, title(s), s);
        tellHousehold(s.receiverHousehold(), NotificationKind.SESSION_CANCELLED, title(s), s);
    }

    /**
     * A side disagrees about what happened: staff decide. The side said to be absent disputes a
     * no-show claim this way; the side that claimed it waits for the answer.
     */
    @Transactional
    public SessionView dispute(@NotNull SignedInUser user, @NotNull String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say what you disagree about");
        }
        if (reason.strip().length() > NOTE_LONGEST) {
            throw new ProblemException.InvalidField("reason", "at most " + NOTE_LONGEST + " characters");
        }
        Party p = party(user, id);
        Instant now = clock.instant();
        if (p.session.status() == Session.Status.SCHEDULED && p.session.startsAt().isAfter(now)) {
            throw new SessionTransitionException("The session has not started yet: cancel it instead.");
        }
        if (p.session.status() == Session.Status.NO_SHOW_CLAIMED && p.side != p.session.noShowSide()) {
            throw new NotYourTurnException("You reported the no-show: the other side confirms or disputes it.");
        }
        p.session.dispute(residents.signIn(user).residentId(), reason.strip(), now);
        tellHousehold(other(p), NotificationKind.SESSION_DISPUTED, title(p.session), p.session);
        return view(p.session, p.household, null);
    }

    /** Staff settle a dispute: post {@code minutes}, or void the hold (minutes null), with a reason on the record. */
    @Transactional
    public SessionView settle(@NotNull SignedInUser staff, @NotNull String id, Integer minutes, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why, for both households and the record");
        }
        Who who = residents.signIn(staff);
        Session s = store.lockSession(id).orElseThrow(() -> new SessionNotFoundException(id));
        int adjust = policy.value(Policy.TIMEBANK_ADJUST_MAX_MINUTES);
        if (minutes != null && (minutes < 1 || minutes > s.minutes() + adjust)) {
            throw new ProblemException.InvalidField("minutes", "between 1 and " + (s.minutes() + adjust)
                    + ", or leave it out to void the hold");
        }
        if (who.householdId() != null && s.sideOf(who.householdId()) != null) {
            throw new NotYourTurnException("Staff do not settle their own household's session; another staff member must.");
        }
        Instant now = clock.instant();
        s.settle(who.residentId(), minutes, reason.strip(), now);
        if (minutes == null) {
            ledger.voidHold(s.transferId());
        } else {
            ledger.post(s.transferId(), minutes);
        }
        store.eraseCareNote(s.id());
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, minutes == null ? "session.voided" : "session.posted",
                "session", s.id(), reason.strip());
        tellHousehold(s.providerHousehold(), NotificationKind.SESSION_SETTLED, title(s), s);
        tellHousehold(s.receiverHousehold(), NotificationKind.SESSION_SETTLED, title(s), s);
        return view(s, null, null);
    }

    /** The sessions of the caller's household that end in the last 90 days or later, newest first. */
    @Transactional
    public List<SessionView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        String household = residents.householdOf(who);
        Map<String, String> titles = new HashMap<>();
        return store.ofHousehold(household, clock.instant().minus(Duration.ofDays(90))).stream()
                .map(s -> view(s, household, titles.computeIfAbsent(s.listingId(), listings::titleOf))).toList();
    }

    @Transactional
    public SessionView find(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        return view(p.session, p.household, null);
    }

    /** Sessions in dispute, for staff: what both sides said, never the care note. */
    @Transactional
    public List<SessionView> disputes(@NotNull SignedInUser staff) {
        return store.withStatus(Session.Status.DISPUTED).stream().map(s -> view(s, null, null)).toList();
    }

    /** The family writes what the sitter needs to know, for this session only. */
    @Transactional
    public CareNoteView writeCareNote(@NotNull SignedInUser user, @NotNull String id, String emergencyContact,
                                      String allergies, String childrenNames) {
        Party p = party(user, id);
        Session s = p.session;
        if (s.kind() != Session.Kind.CHILDCARE) {
            throw new SessionTransitionException("Care notes are for childcare sessions.");
        }
        if (p.side != Session.Side.RECEIVER) {
            throw new NotYourTurnException("The family whose children are cared for writes the care note.");
        }
        if (Session.Status.FINAL.contains(s.status()) || s.status() == Session.Status.DISPUTED
                || !s.endsAt().isAfter(clock.instant())) {
            throw new SessionTransitionException("The session is over; its care note is gone.");
        }
        Instant now = clock.instant();
        CareNote note = store.careNote(s.id()).orElse(null);
        if (note == null) {
            note = new CareNote(s.id(), blank(emergencyContact), blank(allergies), blank(childrenNames), now);
            store.add(note);
        } else {
            note.rewrite(blank(emergencyContact), blank(allergies), blank(childrenNames), now);
        }
        return careView(note);
    }

    /**
     * The care note, for the session's sitter and the family's members only: not for the sitter's
     * housemates, not for staff. Gone once the session is settled or over.
     */
    @Transactional
    public CareNoteView careNote(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        Who who = residents.signIn(user);
        boolean sitter = p.side == Session.Side.PROVIDER && p.session.providerResident().equals(who.residentId());
        if (!sitter && p.side != Session.Side.RECEIVER) {
            throw new NotYourTurnException("Only the sitter of this session reads its care note.");
        }
        CareNote note = store.careNote(p.session.id()).orElse(null);
        if (note == null || !p.session.endsAt().plus(CARE_NOTE_AFTER_END).isAfter(clock.instant())) {
            throw new CareNoteNotFoundException();
        }
        return careView(note);
    }

    /** The people of a session's thread: the members of both households. */
    @Transactional
    public ConversationService.Participants participantsOf(@NotNull SignedInUser user, @NotNull String id) {
        Party p = party(user, id);
        return participants(p.session, title(p.session));
    }

    /** The two households of a session (moderation: a reported session), if there is one with that id. */
    @Transactional
    public java.util.Optional<java.util.Set<String>> householdsOf(@NotNull String sessionId) {
        return store.session(sessionId).map(s -> java.util.Set.of(s.providerHousehold(), s.receiverHousehold()));
    }

    /**
     * Erases care notes of sessions long over, lets no-show claims nobody answered in time stand,
     * and cancels answers nobody accepted before the start.
     */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        int erased = store.eraseCareNotesEndedBefore(now.minus(CARE_NOTE_AFTER_END));
        for (String id : store.claimsUnansweredBefore(now)) {
            Session s = store.lockSession(id).orElse(null);
            if (s != null && s.status() == Session.Status.NO_SHOW_CLAIMED && !s.answerBy().isAfter(now)) {
                noShowStands(s, now);
            }
        }
        for (String id : store.unansweredBefore(now)) {
            Session s = store.lockSession(id).orElse(null);
            if (s != null && s.status() == Session.Status.PROPOSED) {
                s.cancel(now);
                tellHousehold(s.providerHousehold(), NotificationKind.SESSION_CANCELLED, title(s), s);
            }
        }
        return erased;
    }

    /**
     * A household was dissolved with sessions not settled (before decision 0008; LedgerRepair):
     * each is called off, its hold voided, its care note erased, and the other household told.
     * Joins the caller's transaction; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int callOffLeftBehind(String householdId, String reason) {
        Instant now = clock.instant();
        int n = 0;
        for (String id : store.openOf("", householdId)) {
            Session s = store.lockSession(id).orElseThrow();
            boolean held = s.transferId() != null && s.status() != Session.Status.PROPOSED;
            s.withdraw(reason, now);
            if (held) {
                ledger.voidHold(s.transferId());
            }
            store.eraseCareNote(s.id());
            String other = householdId.equals(s.providerHousehold()) ? s.receiverHousehold() : s.providerHousehold();
            tellHousehold(other, NotificationKind.SESSION_CANCELLED, title(s), s);
            n++;
        }
        return n;
    }

    public static class CareNoteNotFoundException extends ProblemException {
        public CareNoteNotFoundException() {
            super(404, "care-note-not-found", "No care note",
                    "The family has not written one, or the session is over and it was erased.");
        }
    }

    private record Party(Session session, Session.Side side, String household) {
    }

    /** The session, locked, with the caller's side; 404 for anyone not in either household. */
    private Party party(SignedInUser user, String id) {
        Who who = residents.signIn(user);
        Session s = store.lockSession(id).orElseThrow(() -> new SessionNotFoundException(id));
        Session.Side side = who.householdId() == null ? null : s.sideOf(who.householdId());
        if (side == null) {
            throw new SessionNotFoundException(id);
        }
        return new Party(s, side, who.householdId());
    }

    private void hold(Session s, Instant now) {
        Account receiver = ledger.openFor(s.receiverHousehold());
        Account provider = ledger.openFor(s.providerHousehold());
        s.schedule(ledger.hold(receiver.id(), provider.id(), s.minutes(), s.id()).id(), now);
    }

    /** Checks the times against the listing; returns the children to record (childcare only). */
    private Integer requireTimes(Session.Kind kind, ListingFacts listing, SessionRequest r) {
        Instant now = clock.instant();
        if (!r.startsAt().isAfter(now)) {
            throw new ProblemException.InvalidField("startsAt", "is in the past");
        }
        if (r.startsAt().isAfter(now.plus(FURTHEST))) {
            throw new ProblemException.InvalidField("startsAt", "at most 180 days ahead");
        }
        Duration length = Duration.between(r.startsAt(), r.endsAt());
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0 || length.toSeconds() % 60 != 0) {
            throw new ProblemException.InvalidField("endsAt", "15 minutes to 12 hours after startsAt, in whole minutes");
        }
        if (kind == Session.Kind.SERVICE) {
            return null;
        }
        ListingDetails.Childcare care = listing.details().childcare();
        if (r.startsAt().isBefore(care.from()) || r.endsAt().isAfter(care.to())) {
            throw new ProblemException.InvalidField("startsAt", "within the listing's time, " + care.from() + " to " + care.to());
        }
        if (r.children() == null) {
            throw new ProblemException.InvalidField("children", "say how many children");
        }
        if (r.children() > care.children()) {
            throw new ProblemException.InvalidField("children", "at most " + care.children() + " for this listing");
        }
        return r.children();
    }

    private String other(Party p) {
        return p.side == Session.Side.PROVIDER ? p.session.receiverHousehold() : p.session.providerHousehold();
    }

    private String title(Session s) {
        return listings.titleOf(s.listingId());
    }

    private ConversationService.Participants participants(Session s, String title) {
        Set<String> people = new HashSet<>(residents.membersOf(s.providerHousehold()));
        people.addAll(residents.membersOf(s.receiverHousehold()));
        return new ConversationService.Participants(people, title, "/api/timebank/sessions/" + s.id() + "/messages");
    }

    private void tellHousehold(String household, NotificationKind kind, String title, Session s) {
        for (String member : residents.membersOf(household)) {
            notifications.tell(member, kind, title, "/api/timebank/sessions/" + s.id());
        }
    }

    private SessionView view(Session s, String household, String title) {
        Map<String, String> names = residents.displayNames(List.of(s.providerResident(), s.receiverResident()));
        return new SessionView(s.id(), s.kind(), s.status(), s.listingId(), title != null ? title : title(s),
                household == null ? null : s.sideOf(household), names.get(s.providerResident()),
                names.get(s.receiverResident()), s.startsAt(), s.endsAt(), s.minutes(), s.children(),
                s.providerMinutes(), s.receiverMinutes(), s.transferId(), s.noShowSide(), s.answerBy(), s.disputeReason(),
                s.settleReason(), store.careNote(s.id()).isPresent(), s.createdAt());
    }

    private static CareNoteView careView(CareNote n) {
        return new CareNoteView(n.sessionId(), n.emergencyContact(), n.allergies(), n.childrenNames(), n.writtenAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
