package org.nanum.residents.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentService;
import org.nanum.residents.domain.Resident;

/**
 * Telling residents: other capabilities call {@link #tell} inside their own transaction, so a
 * notification exists exactly when what it tells of happened. Mail is sent later by
 * {@link MailOutbox}.
 */
@ApplicationScoped
public class NotificationService {
    /** The language residents are told in until they choose (the city's). */
    static final String DEFAULT_LANGUAGE = "ko";
    static final Set<String> LANGUAGES = Set.of("ko", "en", "fr");

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentService residentService;
    @Inject
    Clock clock;

    /** A notification in the inbox. */
    public record NotificationView(String id, String kind, String subject, String body, String link, Instant createdAt,
                                   boolean read, String mail) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind().name(), n.subject(), n.body(), n.link(), n.createdAt(),
                    n.readAt() != null, n.mailStatus().name());
        }
    }

    /** How the caller is told. */
    public record PreferenceView(NotificationPreference.MailMode mailMode, String language) {
    }

    /** Tells a resident about something that just happened (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(@NotNull String residentId, @NotNull NotificationKind kind, @NotNull String title, String link) {
        NotificationPreference pref = em.find(NotificationPreference.class, residentId);
        String language = pref == null ? DEFAULT_LANGUAGE : pref.language();
        NotificationPreference.MailMode mode = pref == null ? NotificationPreference.MailMode.IMMEDIATE : pref.mailMode();
        Resident resident = em.find(Resident.class, residentId);
        boolean reachable = resident != null && resident.email() != null && !resident.email().isBlank();
        Notification.MailStatus mail = !reachable || mode == NotificationPreference.MailMode.NONE
                ? Notification.MailStatus.SKIPPED
                : mode == NotificationPreference.MailMode.DIGEST ? Notification.MailStatus.DIGEST
                : Notification.MailStatus.PENDING;
        String subject = kind.subject(language, title);
        em.persist(new Notification(residentId, kind, subject, subject, link, mail, clock.instant()));
    }

    @Transactional
    public List<NotificationView> inbox(@NotNull SignedInUser user) {
        Resident r = residentService.signIn(user);
        return em.createQuery("select n from Notification n where n.residentId = :r order by n.createdAt desc, n.id",
                        Notification.class).setParameter("r", r.id()).setMaxResults(200).getResultList()
                .stream().map(NotificationView::of).toList();
    }

    @Transactional
    public NotificationView markRead(@NotNull SignedInUser user, @NotNull String id) {
        Resident r = residentService.signIn(user);
        Notification n = em.find(Notification.class, id);
        if (n == null || !n.residentId().equals(r.id())) {
            throw new NotificationNotFoundException(id);
        }
        n.read(clock.instant());
        return NotificationView.of(n);
    }

    @Transactional
    public PreferenceView preference(@NotNull SignedInUser user) {
        Resident r = residentService.signIn(user);
        NotificationPreference p = em.find(NotificationPreference.class, r.id());
        return p == null ? new PreferenceView(NotificationPreference.MailMode.IMMEDIATE, DEFAULT_LANGUAGE)
                : new PreferenceView(p.mailMode(), p.language());
    }

    @Transactional
    public PreferenceView choose(@NotNull SignedInUser user, @NotNull NotificationPreference.MailMode mode,
                                 @NotNull String language) {
        if (!LANGUAGES.contains(language)) {
            throw new ProblemException.InvalidField("language", "ko, en or fr");
        }
        Resident r = residentService.signIn(user);
        NotificationPreference p = em.find(NotificationPreference.class, r.id());
        if (p == null) {
            em.persist(new NotificationPreference(r.id(), mode, language));
        } else {
            p.change(mode, language);
        }
        return new PreferenceView(mode, language);
    }

    /** Not the caller's notification. */
    public static class NotificationNotFoundException extends ProblemException {
        NotificationNotFoundException(String id) {
            super(404, "notification-not-found", "No such notification", "No notification of yours has the id " + id + ".");
        }
    }
}
