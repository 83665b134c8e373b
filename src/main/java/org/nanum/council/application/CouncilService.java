package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.council.domain.Council;
import org.nanum.council.domain.CouncilProblems.CityRoleException;
import org.nanum.council.domain.CouncilProblems.CouncilNotFoundException;
import org.nanum.council.domain.CouncilProblems.MemberNotEligibleException;
import org.nanum.council.domain.CouncilProblems.NotAMemberException;
import org.nanum.council.domain.CouncilProblems.TermConflictException;
import org.nanum.council.domain.CouncilProblems.TermNotFoundException;
import org.nanum.council.domain.Member;
import org.nanum.council.domain.Term;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * Councils, their terms and who sits on them. Admins create councils and terms and assign or end
 * seats (audited); everyone may read the composition, because who decides in public is public.
 * The other council services ask here who may take part: a member sits on the council for the term
 * in force today, and holds no city role (staff or admin) in their token.
 */
@ApplicationScoped
public class CouncilService {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentDirectory residents;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;

    public record CouncilView(String id, String name, String districtCode, TermView currentTerm, List<TermView> terms) {
    }

    public record TermView(String id, LocalDate startsOn, LocalDate endsOn, List<MemberView> members) {
    }

    /** A seat: the member's display name (public), since when, and until when if it ended early. */
    public record MemberView(String residentId, String name, Instant since, Instant ended) {
    }

    /** The caller's seat that lets them act for a council today. */
    public record Seat(String councilId, String termId, String residentId, String householdId) {
    }

    @Transactional
    public CouncilView create(@NotNull SignedInUser admin, String name, String districtCode) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new ProblemException.InvalidField("name", "a name of 1 to 120 characters");
        }
        if (districtCode != null && residents.district(districtCode) == null) {
            throw new ProblemException.InvalidField("districtCode", "no district has the code " + districtCode);
        }
        boolean taken = !em.createQuery("select c from Council c where lower(c.name) = :n", Council.class)
                .setParameter("n", name.strip().toLowerCase(java.util.Locale.ROOT)).getResultList().isEmpty();
        if (taken) {
            throw new TermConflictException("A council is already called " + name.strip() + ".");
        }
        Who who = residents.signIn(admin);
        Council c = new Council(name.strip(), districtCode, who.residentId(), clock.instant());
        em.persist(c);
        audit.record(who.residentId(), AuditRecord.ActorKind.ADMIN, "council.created", "council", c.id(), c.name());
        return view(c);
    }

    @Transactional
    public List<CouncilView> all() {
        return em.createQuery("select c from Council c order by c.name", Council.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional
    public CouncilView find(@NotNull String id) {
        return view(council(id));
    }

    /** A new term: its days must not overlap another term of the council. */
    @Transactional
    public CouncilView addTerm(@NotNull SignedInUser admin, @NotNull String councilId, LocalDate startsOn,
                               LocalDate endsOn) {
        if (startsOn == null) {
            throw new ProblemException.InvalidField("startsOn", "the term's first day");
        }
        if (endsOn == null || endsOn.isBefore(startsOn)) {
            throw new ProblemException.InvalidField("endsOn", "the term's last day, not before startsOn");
        }
        if (endsOn.isAfter(startsOn.plusYears(5))) {
            throw new ProblemException.InvalidField("endsOn", "a term lasts at most five years");
        }
        Council c = em.find(Council.class, councilId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CouncilNotFoundException(councilId);
        }
        if (terms(councilId).stream().anyMatch(t -> t.overlaps(startsOn, endsOn))) {
            throw new TermConflictException("Another term of this council covers some of those days.");
        }
        Who who = residents.signIn(admin);
        Term t = new Term(councilId, startsOn, endsOn, clock.instant());
        em.persist(t);
        audit.record(who.residentId(), AuditRecord.ActorKind.ADMIN, "council.term-added", "council", councilId,
                startsOn + " to " + endsOn);
        return view(c);
    }

    /** Seats a resident on a council for a term (again, if their seat had ended). */
    @Transactional
    public CouncilView assign(@NotNull SignedInUser admin, @NotNull String councilId, @NotNull String termId,
                              @NotNull String residentId) {
        Council c = council(councilId);
        Term t = term(c, termId);
        Optional<Who> member = residents.byId(residentId);
        if (member.isEmpty()) {
            throw new MemberNotEligibleException("No resident has the id " + residentId + ".");
        }
        if (c.districtCode() != null && !c.districtCode().equals(member.get().districtCode())) {
            throw new MemberNotEligibleException("A district council's members live in its district ("
                    + c.districtCode() + ").");
        }
        Who who = residents.signIn(admin);
        Instant now = clock.instant();
        Member seat = em.find(Member.class, new Member.Key(t.id(), residentId), LockModeType.PESSIMISTIC_WRITE);
        if (seat == null) {
            em.persist(new Member(t.id(), residentId, who.residentId(), now));
        } else if (!seat.sitting()) {
            seat.reassign(who.residentId(), now);
        }
        audit.record(who.residentId(), AuditRecord.ActorKind.ADMIN, "council.member-assigned", "council", c.id(),
                "resident " + residentId + ", term " + t.startsOn() + " to " + t.endsOn());
        em.flush();
        return view(c);
    }

    /** Ends a seat before its term ends, with a reason (audited). */
    @Transactional
    public CouncilView unassign(@NotNull SignedInUser admin, @NotNull String councilId, @NotNull String termId,
                                @NotNull String residentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the seat ends early");
        }
        Council c = council(councilId);
        Term t = term(c, termId);
        Member seat = em.find(Member.class, new Member.Key(t.id(), residentId), LockModeType.PESSIMISTIC_WRITE);
        if (seat == null || !seat.sitting()) {
            throw new MemberNotEligibleException("That resident does not sit on this council for that term.");
        }
        Who who = residents.signIn(admin);
        seat.end(who.residentId(), reason.strip(), clock.instant());
        audit.record(who.residentId(), AuditRecord.ActorKind.ADMIN, "council.member-ended", "council", c.id(),
                "resident " + residentId + ": " + reason.strip());
        em.flush();
        return view(c);
    }

    /**
     * The caller's seat on the council today; 403 when they hold a city role, have no seat, or the
     * council has no term in force.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seat requireSeat(SignedInUser user, String councilId) {
        requireNoCityRole(user, "Staff and admins do not propose or vote in councils.");
        Council c = council(councilId);
        Who who = residents.signIn(user);
        Term t = termInForce(c.id()).orElseThrow(() -> new NotAMemberException(c.name() + " has no term in force."));
        Member seat = em.find(Member.class, new Member.Key(t.id(), who.residentId()));
        if (seat == null || !seat.sitting()) {
            throw new NotAMemberException("You do not sit on " + c.name() + " for its term in force.");
        }
        return new Seat(c.id(), t.id(), who.residentId(), who.householdId());
    }

    /** The caller's seats today, on any council (for hearing appeals); 403 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Seat> requireAnySeat(SignedInUser user) {
        requireNoCityRole(user, "Appeals of staff decisions are heard by council members, not by the city.");
        Who who = residents.signIn(user);
        List<Seat> seats = em.createQuery("select m from Member m where m.residentId = :r and m.endedAt is null",
                        Member.class).setParameter("r", who.residentId()).getResultList().stream()
                .map(m -> em.find(Term.class, m.termId())).filter(t -> t.covers(today()))
                .map(t -> new Seat(t.councilId(), t.id(), who.residentId(), who.householdId())).toList();
        if (seats.isEmpty()) {
            throw new NotAMemberException("You sit on no council today.");
        }
        return seats;
    }

    /** Staff and admins take part as the city, never as residents of a council's process. */
    public static void requireNoCityRole(SignedInUser user, String detail) {
        if (user.hasRole(Roles.STAFF) || user.hasRole(Roles.ADMIN)) {
            throw new CityRoleException(detail);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Term> termInForce(String councilId) {
        LocalDate today = today();
        return terms(councilId).stream().filter(t -> t.covers(today)).findFirst();
    }

    /** The terms of a council that a vote from now to {@code until} fits in, earliest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Term> termHolding(String councilId, Instant until) {
        LocalDate today = today();
        LocalDate last = until.atZone(cityZone).toLocalDate();
        return terms(councilId).stream().filter(t -> t.covers(today) && !last.isAfter(t.endsOn())).findFirst();
    }

    /** Sitting members of a term now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sittingMembers(String termId) {
        return em.createQuery("select count(m) from Member m where m.termId = :t and m.endedAt is null", Long.class)
                .setParameter("t", termId).getSingleResult().intValue();
    }

    /** Whether a resident sits on a term now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sits(String termId, String residentId) {
        Member m = em.find(Member.class, new Member.Key(termId, residentId));
        return m != null && m.sitting();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Council council(String id) {
        Council c = id == null ? null : em.find(Council.class, id);
        if (c == null) {
            throw new CouncilNotFoundException(id);
        }
        return c;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cityZone);
    }

    public ZoneId zone() {
        return cityZone;
    }

    private Term term(Council c, String termId) {
        Term t = em.find(Term.class, termId);
        if (t == null || !t.councilId().equals(c.id())) {
            throw new TermNotFoundException(termId);
        }
        return t;
    }

    private List<Term> terms(String councilId) {
        return em.createQuery("select t from Term t where t.councilId = :c order by t.startsOn", Term.class)
                .setParameter("c", councilId).getResultList();
    }

    private CouncilView view(Council c) {
        List<Term> terms = terms(c.id());
        List<Member> members = terms.isEmpty() ? List.of() : em.createQuery("select m from Member m where m.termId in :t",
                Member.class).setParameter("t", terms.stream().map(Term::id).toList()).getResultList();
        Map<String, String> names = residents.displayNames(members.stream().map(Member::residentId).toList());
        LocalDate today = today();
        List<TermView> views = terms.stream().map(t -> new TermView(t.id(), t.startsOn(), t.endsOn(), members.stream()
                .filter(m -> m.termId().equals(t.id())).sorted(Comparator.comparing(Member::assignedAt))
                .map(m -> new MemberView(m.residentId(), names.get(m.residentId()), m.assignedAt(), m.endedAt()))
                .toList())).toList();
        TermView current = terms.stream().filter(t -> t.covers(today)).findFirst()
                .flatMap(t -> views.stream().filter(v -> v.id().equals(t.id())).findFirst()).orElse(null);
        return new CouncilView(c.id(), c.name(), c.districtCode(), current, views);
    }
}
