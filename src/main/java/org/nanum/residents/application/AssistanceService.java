package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Assistance;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.domain.AssistanceConsent;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Assisted use: a resident who asks (at a community centre, without a smartphone) gives a staff
 * member their consent, recorded by that staff member with a reason, for at most 8 hours. While it
 * holds, the staff member may act as the resident (On-Behalf-Of); the resident is told at once in
 * their inbox, sees their consents on their page, and every audit record written for them names
 * the staff member. Staff never assist themselves.
 */
@ApplicationScoped
public class AssistanceService implements Assistance.Consents {
    static final Duration LONGEST = Duration.ofHours(8);

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentRepository residents;
    @Inject
    ResidentService residentService;
    @Inject
    AuditLog audit;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;

    /** A consent as staff and the resident see it. */
    public record ConsentView(String id, String residentId, String staffName, String reason, Instant grantedAt,
                              Instant expiresAt, Instant endedAt, boolean active) {
    }

    public static class SelfAssistanceException extends ProblemException {
        public SelfAssistanceException() {
            super(403, "own-assistance", "Staff do not assist themselves", "a staff member cannot act on their own behalf");
        }
    }

    @Transactional
    public ConsentView grant(@NotNull SignedInUser staff, @NotNull String residentId, String reason, Integer minutes) {
        Resident staffMember = residentService.signIn(staff);
        Resident resident = residents.findById(residentId)
                .orElseThrow(() -> new ResidentsProblems.ResidentNotFoundException(residentId));
        if (resident.id().equals(staffMember.id())) {
            throw new SelfAssistanceException();
        }
        if (reason == null || reason.isBlank()) {
            throw new ProblemException.InvalidField("reason", "say how the resident asked for help, for the record");
        }
        int length = minutes == null ? 60 : minutes;
        if (length < 5 || length > LONGEST.toMinutes()) {
            throw new ProblemException.InvalidField("minutes", "5 to " + LONGEST.toMinutes() + " minutes");
        }
        Instant now = clock.instant();
        AssistanceConsent c = new AssistanceConsent(resident.id(), staffMember.id(), reason.strip(), now,
                now.plus(Duration.ofMinutes(length)));
        em.persist(c);
        audit.record(staffMember.id(), AuditRecord.ActorKind.STAFF, "resident.assistance-granted", "resident",
                resident.id(), reason.strip());
        notifications.tell(resident.id(), NotificationKind.ASSISTANCE_STARTED, staffMember.displayName(), "/api/me/assistance");
        return view(c, staffMember.displayName(), now);
    }

    @Transactional
    public ConsentView end(@NotNull SignedInUser staff, @NotNull String residentId) {
        Resident staffMember = residentService.signIn(staff);
        Instant now = clock.instant();
        AssistanceConsent c = active(residentId, staffMember.id(), now).orElseThrow(Assistance.NoConsentException::new);
        c.end(now);
        audit.record(staffMember.id(), AuditRecord.ActorKind.STAFF, "resident.assistance-ended", "resident", residentId, null);
        return view(c, staffMember.displayName(), now);
    }

    /** The resident's consents, newest first: who helped them, why, and until when. */
    @Transactional
    public List<ConsentView> mine(@NotNull SignedInUser user) {
        Resident me = residentService.signIn(user);
        Instant now = clock.instant();
        return em.createQuery("select c from AssistanceConsent c where c.residentId = :r order by c.grantedAt desc",
                AssistanceConsent.class).setParameter("r", me.id()).setMaxResults(100).getResultList().stream()
                .map(c -> view(c, residents.findById(c.staffId()).map(Resident::displayName).orElse(null), now)).toList();
    }

    @Override
    @Transactional
    public Optional<Assistance.Assisted> check(SignedInUser staff, String residentId) {
        Optional<Resident> staffMember = residents.findBySubject(staff.subject());
        Optional<Resident> resident = residents.findById(residentId);
        if (staffMember.isEmpty() || resident.isEmpty() || resident.get().subject() == null) {
            return Optional.empty();
        }
        if (active(residentId, staffMember.get().id(), clock.instant()).isEmpty()) {
            return Optional.empty();
        }
        Resident r = resident.get();
        return Optional.of(new Assistance.Assisted(new SignedInUser(r.subject(), r.username(), r.displayName(), r.email(),
                Set.of(Roles.RESIDENT)), r.id(), staffMember.get().id()));
    }

    /** Every write a staff member made for a resident is on the record, whatever the capability audits itself. */
    @Transactional
    public void recordRequest(String residentId, String method, String path) {
        String what = (method + " " + path);
        audit.record(residentId, AuditRecord.ActorKind.RESIDENT, "assisted.request", "request",
                what.length() > 80 ? what.substring(0, 80) : what, null);
    }

    private Optional<AssistanceConsent> active(String residentId, String staffId, Instant now) {
        return em.createQuery("select c from AssistanceConsent c where c.residentId = :r and c.staffId = :s "
                        + "and c.endedAt is null and c.expiresAt > :now order by c.grantedAt desc", AssistanceConsent.class)
                .setParameter("r", residentId).setParameter("s", staffId).setParameter("now", now).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    private static ConsentView view(AssistanceConsent c, String staffName, Instant now) {
        return new ConsentView(c.id(), c.residentId(), staffName, c.reason(), c.grantedAt(), c.expiresAt(), c.endedAt(),
                c.holdsAt(now));
    }
}
