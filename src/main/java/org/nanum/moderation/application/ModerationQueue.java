package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.PhotoService;
import org.nanum.moderation.application.ReportTargets.Target;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.ModerationProblems.CaseNotFoundException;
import org.nanum.moderation.domain.ModerationProblems.DecisionNotApplicableException;
import org.nanum.moderation.domain.ModerationProblems.OwnCaseException;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.Report;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.residents.application.ResidentDirectory.Who;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * The staff queue: open cases, childcare and safety first, then the most reported and the
 * oldest. Staff claim a case, read its reports and history, and decide with a reason, never on
 * their own listing, household or person. The decision closes the case and its reports, goes to
 * the audit record in full and to the public log as a category, and the owner and the reporters
 * are told.
 */
@ApplicationScoped
public class ModerationQueue {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ReportTargets targets;
    @Inject
    ResidentDirectory residents;
    @Inject
    ListingService listings;
    @Inject
    PhotoService photos;
    @Inject
    TransparencyLog log;
    @Inject
    AuditLog audit;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /** A case in the queue: how many reports of each reason, and who claimed it. */
    public record CaseView(String id, TargetType targetType, String targetId, ModerationCase.Status status, int urgency,
                           int reports, Map<Reason, Integer> reasons, Instant openedAt, String claimedBy,
                           Instant claimedAt, ModerationCase.Decision decision, Instant closedAt) {
    }

    /** What staff read of a report: its reason and words, and who made it (never shown to the owner). */
    public record ReportLine(String id, Reason reason, String details, String reporterName, Instant createdAt) {
    }

    public record CaseDetail(CaseView of, List<ReportLine> reports, List<TransparencyLog.EntryView> history) {
    }

    @Transactional
    public List<CaseView> queue(@NotNull SignedInUser staff) {
        residents.signIn(staff);
        return em.createQuery("select c from ModerationCase c where c.status = :o "
                        + "order by c.urgency, c.reports desc, c.openedAt, c.id", ModerationCase.class)
                .setParameter("o", ModerationCase.Status.OPEN).setMaxResults(200).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional
    public CaseView claim(@NotNull SignedInUser staff, @NotNull String id) {
        Who who = residents.signIn(staff);
        ModerationCase c = lock(id);
        requireNotOwn(c, who);
        c.claim(who.residentId(), clock.instant());
        return view(c);
    }

    @Transactional
    public CaseDetail find(@NotNull SignedInUser staff, @NotNull String id) {
        residents.signIn(staff);
        ModerationCase c = em.find(ModerationCase.class, id);
        if (c == null) {
            throw new CaseNotFoundException(id);
        }
        List<Report> reports = reportsOf(c);
        Map<String, String> names = residents.displayNames(reports.stream().map(Report::reporterId).toList());
        List<TransparencyLog.EntryView> history = em.createQuery("select e from TransparencyEntry e where e.caseId = :c "
                        + "order by e.at, e.id", TransparencyEntry.class).setParameter("c", c.id()).getResultList().stream()
                .map(e -> new TransparencyLog.EntryView(e.id(), e.at(), e.action(), e.targetType(), e.reasonCategory(),
                        e.actorRole(), e.actorPseudonym(), e.automatic(), e.caseId(), e.corrects())).toList();
        return new CaseDetail(view(c), reports.stream().map(r -> new ReportLine(r.id(), r.reason(), r.details(),
                names.get(r.reporterId()), r.createdAt())).toList(), history);
    }

    /** Staff decide: DISMISS (nothing wrong), HIDE or RESTORE (a listing or a photo), with a reason. */
    @Transactional
    public CaseView decide(@NotNull SignedInUser staff, @NotNull String id, @NotNull ModerationCase.Decision decision,
                           @NotNull Reason category, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why, for the owner, the reporters and the record");
        }
        Who who = residents.signIn(staff);
        ModerationCase c = lock(id);
        Target target = requireNotOwn(c, who);
        Instant now = clock.instant();
        TransparencyEntry.Action action = switch (decision) {
            case DISMISS -> TransparencyEntry.Action.DISMISSED;
            case HIDE -> TransparencyEntry.Action.HIDDEN;
            case RESTORE -> TransparencyEntry.Action.RESTORED;
        };
        if (decision != ModerationCase.Decision.DISMISS) {
            apply(staff, c, target, decision == ModerationCase.Decision.HIDE, reason.strip());
        }
        c.close(decision, now);
        for (Report r : reportsOf(c)) {
            if (r.status() == Report.Status.OPEN) {
                r.close(now);
                notifications.tell(r.reporterId(), NotificationKind.REPORT_DECIDED, decision.name().toLowerCase(),
                        "/api/reports/mine");
            }
        }
        log.byPerson(action, c.targetType(), category, "staff", who.residentId(), c.id());
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "moderation." + decision.name().toLowerCase(),
                c.targetType().name().toLowerCase(), c.targetId(), reason.strip());
        if (target != null && target.listingId() != null) {
            for (String owner : target.ownerResidents()) {
                notifications.tell(owner, NotificationKind.MODERATION_DECIDED, listings.titleOf(target.listingId()),
                        "/api/listings/" + target.listingId());
            }
        }
        return view(c);
    }

    private void apply(SignedInUser staff, ModerationCase c, Target target, boolean hide, String reason) {
        if (target == null || target.listingId() == null) {
            throw new DecisionNotApplicableException("Only listings and photos are hidden or restored; dismiss this "
                    + "case, or act on the resident (suspensions come with the next step of moderation).");
        }
        if (c.targetType() == TargetType.PHOTO) {
            photos.moderate(staff, target.listingId(), c.targetId(), hide, reason);
        } else {
            listings.moderate(target.listingId(), hide);
        }
    }

    private Target requireNotOwn(ModerationCase c, Who who) {
        Target target = targets.resolveForStaff(c.targetType(), c.targetId()).orElse(null);
        boolean own = target != null && target.belongsTo(who)
                || (c.targetType() == TargetType.REFERENCE && reportsOf(c).stream()
                .anyMatch(r -> r.reporterId().equals(who.residentId())));
        if (own) {
            throw new OwnCaseException();
        }
        return target;
    }

    private ModerationCase lock(String id) {
        ModerationCase c = em.find(ModerationCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CaseNotFoundException(id);
        }
        return c;
    }

    private List<Report> reportsOf(ModerationCase c) {
        return em.createQuery("select r from Report r where r.caseId = :c order by r.createdAt", Report.class)
                .setParameter("c", c.id()).getResultList();
    }

    private CaseView view(ModerationCase c) {
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        for (Report r : reportsOf(c)) {
            reasons.merge(r.reason(), 1, Integer::sum);
        }
        String claimer = c.claimedBy() == null ? null : residents.displayNames(List.of(c.claimedBy())).get(c.claimedBy());
        return new CaseView(c.id(), c.targetType(), c.targetId(), c.status(), c.urgency(), c.reports(), reasons,
                c.openedAt(), claimer, c.claimedAt(), c.decision(), c.closedAt());
    }
}
