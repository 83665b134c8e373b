package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nanum.catalogue.application.ListingService;
import org.nanum.catalogue.application.PhotoService;
import org.nanum.moderation.application.ReportTargets.Target;
import org.nanum.moderation.domain.Appeal;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.TargetType;
import org.nanum.moderation.domain.TransparencyEntry;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.Suspensions;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Appeals of moderation decisions as the council hears them: the case with personal data left out
 * (no names, no reports' words, no reporters), and the outcome. Overturning undoes what the
 * decision did: a hidden listing or photo is shown again, a suspension in force is lifted; a
 * warning or an edit request stands overturned on the record. Both outcomes go to the public log.
 */
@ApplicationScoped
public class ModerationAppeals {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ReportTargets targets;
    @Inject
    ListingService listings;
    @Inject
    PhotoService photos;
    @Inject
    Suspensions suspensions;
    @Inject
    TransparencyLog log;
    @Inject
    AuditLog audit;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /**
     * An appeal as the council reads it. {@code parties} (residents and households the case is
     * about) is for the council's conflict-of-interest rule and never leaves the server.
     */
    public record Case(String appealId, String caseId, TargetType targetType, String listingTitle,
                       ModerationCase.Decision decision, Reason category, String staffReason, Instant decidedAt,
                       String appeal, Instant filedAt, Appeal.Status status, Instant heardAt, Set<String> parties) {
    }

    /** Appeals waiting for the council (or, with {@code all}, every appeal), oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Case> docket(boolean all) {
        return em.createQuery("select a from Appeal a" + (all ? "" : " where a.status = :routed")
                                + " order by a.createdAt, a.id", Appeal.class)
                .setParameter("routed", Appeal.Status.ROUTED).setMaxResults(500).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Case> find(String appealId) {
        return Optional.ofNullable(em.find(Appeal.class, appealId)).map(this::view);
    }

    /**
     * The council's outcome, joining the caller's transaction; false when the appeal was heard
     * already (the caller says so). {@code member} is the council member who records it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(SignedInUser member, String memberId, String appealId, boolean overturn, String reason) {
        Appeal a = em.find(Appeal.class, appealId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.status() != Appeal.Status.ROUTED) {
            return false;
        }
        ModerationCase c = em.find(ModerationCase.class, a.caseId());
        Instant now = clock.instant();
        a.decide(overturn, now);
        if (overturn) {
            undo(member, memberId, c, reason);
        }
        log.byPerson(overturn ? TransparencyEntry.Action.APPEAL_OVERTURNED : TransparencyEntry.Action.APPEAL_UPHELD,
                c.targetType(), c.decisionCategory(), "council", memberId, c.id());
        audit.record(memberId, AuditRecord.ActorKind.COUNCIL, overturn ? "moderation.appeal-overturned"
                : "moderation.appeal-upheld", "moderation_case", c.id(), reason);
        notifications.tell(a.appellantId(), NotificationKind.APPEAL_DECIDED, overturn ? "overturned" : "upheld",
                "/api/moderation/decisions/mine");
        return true;
    }

    private void undo(SignedInUser member, String memberId, ModerationCase c, String reason) {
        Target target = targets.resolveForStaff(c.targetType(), c.targetId()).orElse(null);
        switch (c.decision()) {
            case HIDE -> {
                if (target != null && target.listingId() != null) {
                    if (c.targetType() == TargetType.PHOTO) {
                        photos.moderate(member, target.listingId(), c.targetId(), false, reason);
                    } else {
                        listings.moderate(target.listingId(), false);
                    }
                }
            }
            case SUSPEND -> {
                String person = c.subjectResident() != null ? c.subjectResident()
                        : target != null && target.ownerResidents().size() == 1
                        ? target.ownerResidents().iterator().next() : null;
                if (person != null && suspensions.lift(person, memberId)) {
                    listings.suspendListingsOf(person, false);
                }
            }
            default -> { }
        }
    }

    private Case view(Appeal a) {
        ModerationCase c = em.find(ModerationCase.class, a.caseId());
        Target target = targets.resolveForStaff(c.targetType(), c.targetId()).orElse(null);
        String title = target == null || target.listingId() == null ? null : listings.titleOf(target.listingId());
        Set<String> parties = new java.util.HashSet<>();
        parties.add(a.appellantId());
        if (c.subjectResident() != null) {
            parties.add(c.subjectResident());
        }
        if (c.subjectHousehold() != null) {
            parties.add(c.subjectHousehold());
        }
        return new Case(a.id(), c.id(), c.targetType(), title, c.decision(), c.decisionCategory(), c.decisionReason(),
                c.closedAt(), a.reason(), a.createdAt(), a.status(), a.decidedAt(), Set.copyOf(parties));
    }
}
