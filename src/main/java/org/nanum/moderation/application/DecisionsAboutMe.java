package org.nanum.moderation.application;

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
import java.util.List;
import org.nanum.moderation.domain.Appeal;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.ModerationProblems.AppealNotAllowedException;
import org.nanum.moderation.domain.ModerationProblems.CaseNotFoundException;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;

/**
 * What staff decided about a resident's things (or about them), with the reason in staff's words
 * (never who reported), and the appeal of a decision to the council within APPEAL_DAYS.
 */
@ApplicationScoped
public class DecisionsAboutMe {
    public static final Duration APPEAL_WITHIN = Duration.ofDays(30);

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentDirectory residents;
    @Inject
    TransparencyLog log;
    @Inject
    Clock clock;

    public record DecisionView(String caseId, TargetType targetType, String targetId, ModerationCase.Decision decision,
                               Reason category, String reason, Instant decidedAt, Appeal.Status appeal,
                               Instant appealableUntil) {
    }

    /** Decisions (other than dismissals) about the caller's things, newest first. */
    @Transactional
    public List<DecisionView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        return em.createQuery("select c from ModerationCase c where c.status = :closed and c.decision <> :dismiss "
                        + "and (c.subjectResident = :me or (c.subjectHousehold is not null and c.subjectHousehold = :h)) "
                        + "order by c.closedAt desc", ModerationCase.class)
                .setParameter("closed", ModerationCase.Status.CLOSED)
                .setParameter("dismiss", ModerationCase.Decision.DISMISS).setParameter("me", who.residentId())
                .setParameter("h", who.householdId() == null ? "" : who.householdId()).setMaxResults(200)
                .getResultList().stream().map(this::view).toList();
    }

    /** The resident a decision concerns appeals it, once, within 30 days: routed to the council. */
    @Transactional
    public DecisionView appeal(@NotNull SignedInUser user, @NotNull String caseId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the decision is wrong");
        }
        Who who = residents.signIn(user);
        ModerationCase c = em.find(ModerationCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.concerns(who.residentId(), who.householdId())) {
            throw new CaseNotFoundException(caseId);
        }
        if (c.status() != ModerationCase.Status.CLOSED || c.decision() == ModerationCase.Decision.DISMISS) {
            throw new AppealNotAllowedException("Only a decision against you can be appealed, once it is made.");
        }
        if (appealOf(c) != null) {
            throw new AppealNotAllowedException("This decision was appealed already.");
        }
        Instant now = clock.instant();
        if (now.isAfter(c.closedAt().plus(APPEAL_WITHIN))) {
            throw new AppealNotAllowedException("Decisions can be appealed for 30 days.");
        }
        em.persist(new Appeal(c.id(), who.residentId(), reason.strip(), now));
        log.byPerson(TransparencyEntry.Action.APPEALED, c.targetType(), c.decisionCategory(), "resident", null, c.id());
        em.flush();
        return view(c);
    }

    private Appeal appealOf(ModerationCase c) {
        return em.createQuery("select a from Appeal a where a.caseId = :c", Appeal.class).setParameter("c", c.id())
                .getResultList().stream().findFirst().orElse(null);
    }

    private DecisionView view(ModerationCase c) {
        Appeal a = appealOf(c);
        return new DecisionView(c.id(), c.targetType(), c.targetId(), c.decision(), c.decisionCategory(),
                c.decisionReason(), c.closedAt(), a == null ? null : a.status(), c.closedAt().plus(APPEAL_WITHIN));
    }
}
