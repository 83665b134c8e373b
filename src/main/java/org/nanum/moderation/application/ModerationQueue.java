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
    @Inject
    org.nanum.residents.application.Suspensions suspensions;

    /** Longest suspension one decision may impose. */
    public static final int MAX_SUSPENSION_DAYS = 365;

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

    /**
     * Staff decide: DISMISS (nothing wrong), HIDE or RESTORE (a listing or a photo), WARN or SUSPEND
     * (for {@code days}) the resident the case is about; with a reason.
     */
    @Transactional
    public CaseView decide(@NotNull SignedInUser staff, @NotNull String id, @NotNull ModerationCase.Decision decision,
                           @NotNull Reason category, String reason, Integer days) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why, for the owner, the reporters and the record");
        }
        if (decision == ModerationCase.Decision.SUSPEND && (days == null || days < 1 || days > MAX_SUSPENSION_DAYS)) {
            throw new ProblemException.InvalidField("days", "1 to " + MAX_SUSPENSION_DAYS + " days");
        }
        Who who = residents.signIn(staff);
        ModerationCase c = lock(id);
        Target target = requireNotOwn(c, who);
        Instant now = clock.instant();
        TransparencyEntry.Action action = switch (decision) {
            case DISMISS -> TransparencyEntry.Action.DISMISSED;
            case HIDE -> TransparencyEntry.Action.HIDDEN;
            case RESTORE -> TransparencyEntry.Action.RESTORED;
            case WARN -> TransparencyEntry.Action.WARNED;
            case SUSPEND -> TransparencyEntry.Action.SUSPENDED;
            case EDIT_REQUEST -> TransparencyEntry.Action.EDIT_REQUESTED;
        };
        String person = null;
        switch (decision) {
            case HIDE, RESTORE -> apply(staff, c, target, decision == ModerationCase.Decision.HIDE, reason.strip());
            case WARN, SUSPEND -> person = personOf(target);
            case EDIT_REQUEST -> {
                if (target == null || target.listingId() == null) {
                    throw new DecisionNotApplicableException("Edit requests go to the owners of listings and photos.");
                }
            }
            default -> { }
        }
        if (decision == ModerationCase.Decision.SUSPEND) {
            suspensions.suspend(person, now.plus(java.time.Duration.ofDays(days)), who.residentId(), c.id());
            listings.suspendListingsOf(person, true);
        }
        c.close(decision, category, reason.strip(), who.residentId(), now);
        for (Report r : reportsOf(c)) {
            if (r.status() == Report.Status.OPEN) {
                r.close(now);
                notifications.tell(r.reporterId(), NotificationKind.REPORT_DECIDED, decision.name().toLowerCase(),
                        "/api/reports/mine");
            }
        }
        log.byPerson(action, c.targetType(), category, "staff", who.residentId(), c.id());
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "moderation." + decision.name().toLowerCase(),
                c.targetType().name().toLowerCase(), c.targetId(), reason.strip()
                        + (days == null || person == null ? "" : " (" + days + " days)"));
        if (person != null) {
            notifications.tell(person, decision == ModerationCase.Decision.SUSPEND ? NotificationKind.ACCOUNT_SUSPENDED
                    : NotificationKind.MODERATION_WARNING, category.name().toLowerCase(), "/api/me");
        } else if (target != null && target.listingId() != null) {
            for (String owner : target.ownerResidents()) {
                notifications.tell(owner, NotificationKind.MODERATION_DECIDED, listings.titleOf(target.listingId()),
                        "/api/listings/" + target.listingId());
            }
        }
        return view(c);
    }

    /**
     * Staff lift the suspension a case imposed, before it ends, with a reason: the resident may
     * borrow, book and swap time again, and what the suspension hid is shown again.
     */
    @Transactional
    public CaseView liftSuspension(@NotNull SignedInUser staff, @NotNull String id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say why the suspension ends early");
        }
        Who who = residents.signIn(staff);
        ModerationCase c = lock(id);
        Target target = requireNotOwn(c, who);
        if (c.decision() != ModerationCase.Decision.SUSPEND) {
            throw new DecisionNotApplicableException("This case did not suspend anyone.");
        }
        String person = personOf(target);
        if (!suspensions.lift(person, who.residentId())) {
            throw new DecisionNotApplicableException("The suspension has ended already.");
        }
        listings.suspendListingsOf(person, false);
        log.byPerson(TransparencyEntry.Action.SUSPENSION_LIFTED, c.targetType(), Reason.OTHER, "staff",
                who.residentId(), c.id());
        audit.record(who.residentId(), AuditRecord.ActorKind.STAFF, "moderation.suspension-lifted", "resident", person,
                reason.strip());
        notifications.tell(person, NotificationKind.SUSPENSION_LIFTED, "", "/api/me");
        return view(c);
    }

    /** Ends the suspensions that ran out (on a schedule): their listings are shown again. */
    @Transactional
    public int endSuspensionsThatRanOut() {
        int ended = 0;
        for (org.nanum.residents.domain.Suspension s : suspensions.ranOut()) {
            if (suspensions.end(s.id())) {
                listings.suspendListingsOf(s.residentId(), false);
                ModerationCase c = em.find(ModerationCase.class, s.caseRef());
                log.automatic(TransparencyEntry.Action.SUSPENSION_ENDED, c == null ? TargetType.RESIDENT : c.targetType(),
                        Reason.OTHER, s.caseRef());
                notifications.tell(s.residentId(), NotificationKind.SUSPENSION_LIFTED, "", "/api/me");
                ended++;
            }
        }
        return ended;
    }

    /** The one resident a case is about (to warn or suspend). */
    private static String personOf(Target target) {
        if (target == null || target.ownerResidents().size() != 1) {
            throw new DecisionNotApplicableException("This case is not about one resident: dismiss it, or hide or "
                    + "restore the listing.");
        }
        return target.ownerResidents().iterator().next();
    }

    private void apply(SignedInUser staff, ModerationCase c, Target target, boolean hide, String reason) {
        if (target == null || target.listingId() == null) {
            throw new DecisionNotApplicableException("Only listings and photos are hidden or restored; dismiss this "
                    + "case, or warn or suspend the resident.");
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
