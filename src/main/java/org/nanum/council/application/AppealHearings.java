package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.nanum.council.application.CouncilService.Seat;
import org.nanum.council.domain.CouncilProblems.AppealHeardException;
import org.nanum.council.domain.CouncilProblems.AppealNotFoundException;
import org.nanum.council.domain.CouncilProblems.ConflictOfInterestException;
import org.nanum.council.domain.Hearing;
import org.nanum.lending.application.DepositAppeals;
import org.nanum.moderation.application.ModerationAppeals;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;

/**
 * The council's docket of appeals, from moderation decisions and deposit outcomes alike, with
 * personal data left out: no names, no resident ids, no reports' words. A member sitting on any
 * council today hears an appeal, never one about themselves or their household; the outcome is
 * recorded once, and an overturn undoes the decision in the capability that made it. Admins read
 * the docket (oversight) but do not decide: the city does not judge its own staff's decisions.
 */
@ApplicationScoped
public class AppealHearings {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    CouncilService councils;
    @Inject
    ModerationAppeals moderation;
    @Inject
    DepositAppeals deposits;
    @Inject
    Clock clock;

    /** An appeal as the council reads it; {@code decision} and {@code staffReason} are what was appealed. */
    public record AppealView(String id, Hearing.Kind kind, Instant filedAt, String status, String subject,
                             String decision, String category, String staffReason, Integer depositKrw,
                             Integer keptKrw, String appeal, Instant heardAt, String hearingReason) {
    }

    @Transactional
    public List<AppealView> docket(@NotNull SignedInUser user, boolean all) {
        requireReader(user);
        List<AppealView> out = new ArrayList<>();
        moderation.docket(all).forEach(c -> out.add(view(c)));
        deposits.docket(all).forEach(c -> out.add(view(c)));
        out.sort(Comparator.comparing(AppealView::filedAt).thenComparing(AppealView::id));
        return out;
    }

    @Transactional
    public AppealView find(@NotNull SignedInUser user, @NotNull String id) {
        requireReader(user);
        return moderation.find(id).map(this::view).or(() -> deposits.find(id).map(this::view))
                .orElseThrow(() -> new AppealNotFoundException(id));
    }

    /** A member's outcome: UPHELD, or OVERTURNED (the decision undone), with a reason the appellant reads. */
    @Transactional
    public AppealView decide(@NotNull SignedInUser user, @NotNull String id, Hearing.Outcome outcome, String reason) {
        if (outcome == null) {
            throw new ProblemException.InvalidField("outcome", "UPHELD or OVERTURNED");
        }
        String why = ProposalService.required(reason, "reason", "say why: the appellant and the record read it");
        List<Seat> seats = councils.requireAnySeat(user);
        Seat seat = seats.get(0);
        boolean overturn = outcome == Hearing.Outcome.OVERTURNED;
        Hearing.Kind kind;
        boolean decided;
        var mod = moderation.find(id);
        if (mod.isPresent()) {
            requireNoConflict(seat, mod.get().parties());
            kind = Hearing.Kind.MODERATION;
            decided = moderation.decide(user, seat.residentId(), id, overturn, why);
        } else {
            var dep = deposits.find(id).orElseThrow(() -> new AppealNotFoundException(id));
            requireNoConflict(seat, dep.parties());
            kind = Hearing.Kind.DEPOSIT;
            decided = deposits.decide(seat.residentId(), id, overturn, why);
        }
        if (!decided) {
            throw new AppealHeardException();
        }
        em.persist(new Hearing(kind, id, outcome, why, seat.residentId(), seat.councilId(), clock.instant()));
        em.flush();
        return find(user, id);
    }

    /** Admins read the docket; otherwise the caller must sit on a council today (and hold no city role). */
    private void requireReader(SignedInUser user) {
        if (!user.hasRole(Roles.ADMIN)) {
            councils.requireAnySeat(user);
        }
    }

    private static void requireNoConflict(Seat seat, Set<String> parties) {
        if (parties.contains(seat.residentId()) || (seat.householdId() != null && parties.contains(seat.householdId()))) {
            throw new ConflictOfInterestException();
        }
    }

    private Hearing hearing(Hearing.Kind kind, String appealId) {
        return em.createQuery("select h from Hearing h where h.kind = :k and h.appealId = :a", Hearing.class)
                .setParameter("k", kind).setParameter("a", appealId).getResultList().stream().findFirst().orElse(null);
    }

    private AppealView view(ModerationAppeals.Case c) {
        Hearing h = hearing(Hearing.Kind.MODERATION, c.appealId());
        return new AppealView(c.appealId(), Hearing.Kind.MODERATION, c.filedAt(), c.status().name(),
                c.targetType().name() + (c.listingTitle() == null ? "" : ": " + c.listingTitle()), c.decision().name(),
                c.category() == null ? null : c.category().name(), c.staffReason(), null, null, c.appeal(),
                c.heardAt(), h == null ? null : h.reason());
    }

    private AppealView view(DepositAppeals.Case c) {
        Hearing h = hearing(Hearing.Kind.DEPOSIT, c.appealId());
        return new AppealView(c.appealId(), Hearing.Kind.DEPOSIT, c.filedAt(), c.status().name(),
                "deposit: " + c.itemTitle(), c.outcome().name(), null, c.staffReason(), c.depositKrw(), c.keptKrw(),
                c.appeal(), c.heardAt(), h == null ? null : h.reason());
    }
}
