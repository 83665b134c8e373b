package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.nanum.catalogue.application.ListingService;
import org.nanum.moderation.application.ReportTargets.Target;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.ModerationProblems.AlreadyReportedException;
import org.nanum.moderation.domain.ModerationProblems.OwnTargetException;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.Report;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Residents report what is wrong. Reports about one target join its open case; when distinct
 * residents' open reports about a listing reach MODERATION_AUTO_HIDE_REPORTS, the listing is
 * hidden at once pending review, and the public log says the platform did it, not a person.
 */
@ApplicationScoped
public class ReportService {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ReportTargets targets;
    @Inject
    ResidentDirectory residents;
    @Inject
    ListingService listings;
    @Inject
    PolicyService policy;
    @Inject
    TransparencyLog log;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /** A report as its reporter sees it. */
    public record ReportView(String id, TargetType targetType, String targetId, Reason reason, String details,
                             Report.Status status, Instant createdAt) {
        static ReportView of(Report r) {
            return new ReportView(r.id(), r.targetType(), r.targetId(), r.reason(), r.details(), r.status(), r.createdAt());
        }
    }

    @Transactional
    public ReportView report(@NotNull SignedInUser user, @NotNull TargetType type, @NotNull String targetId,
                             @NotNull Reason reason, String details) {
        Who who = residents.signIn(user);
        String text = details == null || details.isBlank() ? null : details.strip();
        if (reason == Reason.OTHER && text == null) {
            throw new ProblemException.InvalidField("details", "say what is wrong");
        }
        Target target = targets.resolve(type, targetId, who);
        if (target.belongsTo(who)) {
            throw new OwnTargetException();
        }
        ModerationCase c = openCase(target);
        if (!em.createQuery("select r.id from Report r where r.caseId = :c and r.reporterId = :me and r.status = :open",
                        String.class).setParameter("c", c.id()).setParameter("me", who.residentId())
                .setParameter("open", Report.Status.OPEN).getResultList().isEmpty()) {
            throw new AlreadyReportedException();
        }
        Instant now = clock.instant();
        Report r = new Report(c.id(), type, targetId, who.residentId(), reason, text, now);
        em.persist(r);
        c.reported(target.childcare() || reason.isSafety());
        log.byPerson(TransparencyEntry.Action.REPORTED, type, reason, "resident", null, c.id());
        if (type == TargetType.LISTING) {
            holdIfReportedEnough(c, target, reason);
        }
        return ReportView.of(r);
    }

    @Transactional
    public List<ReportView> mine(@NotNull SignedInUser user) {
        Who who = residents.signIn(user);
        return em.createQuery("select r from Report r where r.reporterId = :me order by r.createdAt desc", Report.class)
                .setParameter("me", who.residentId()).setMaxResults(200).getResultList().stream().map(ReportView::of)
                .toList();
    }

    /** The target's open case, locked (created when it has none). */
    private ModerationCase openCase(Target target) {
        List<ModerationCase> open = em.createQuery("select c from ModerationCase c where c.targetType = :t "
                        + "and c.targetId = :i and c.status = :o", ModerationCase.class)
                .setParameter("t", target.type()).setParameter("i", target.id())
                .setParameter("o", ModerationCase.Status.OPEN)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (!open.isEmpty()) {
            return open.get(0);
        }
        ModerationCase c = new ModerationCase(target.type(), target.id(), target.childcare(),
                target.ownerResidents().stream().findFirst().orElse(null),
                target.ownerHouseholds().stream().findFirst().orElse(null), clock.instant());
        em.persist(c);
        em.flush();
        return c;
    }

    private void holdIfReportedEnough(ModerationCase c, Target target, Reason reason) {
        em.flush();
        long reporters = em.createQuery("select count(distinct r.reporterId) from Report r where r.caseId = :c "
                + "and r.status = :open", Long.class).setParameter("c", c.id()).setParameter("open", Report.Status.OPEN)
                .getSingleResult();
        if (reporters >= policy.value(Policy.MODERATION_AUTO_HIDE_REPORTS) && listings.moderate(target.listingId(), true)) {
            log.automatic(TransparencyEntry.Action.AUTO_HIDDEN, target.type(), reason, c.id());
            for (String owner : target.ownerResidents()) {
                notifications.tell(owner, NotificationKind.LISTING_HIDDEN, listings.titleOf(target.listingId()),
                        "/api/listings/" + target.listingId());
            }
        }
    }
}
