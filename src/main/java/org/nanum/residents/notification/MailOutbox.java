package org.nanum.residents.notification;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.residents.domain.Resident;

/**
 * Sends the mail of notifications from the outbox: every few seconds the due ones, one by one,
 * each row locked while it is sent (so two nodes never send it twice); a failure is retried later
 * with a growing wait (see {@link Notification#failed}). Daily digests gather a resident's DIGEST
 * notifications into one mail, at most once a day, once the oldest has waited a day. Logs say how
 * many were sent or failed, never to whom or what.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    static final Duration DIGEST_EVERY = Duration.ofDays(1);
    private static final int BATCH = 20;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Resource(lookup = "mail/nanum")
    Session mail;
    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    Clock clock;
    @Inject
    MailOutbox self;
    @Inject
    @ConfigProperty(name = "nanum.mail.sweep-seconds", defaultValue = "30")
    int sweepSeconds;
    @Inject
    @ConfigProperty(name = "nanum.public.url", defaultValue = "http://localhost:9080")
    String publicUrl;
    private ScheduledFuture<?> sweeper;

    void start(@Observes Startup startup) {
        sweeper = scheduler.scheduleWithFixedDelay(this::sweepQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    private void sweepQuietly() {
        try {
            int sent = 0;
            for (String id : self.due()) {
                sent += self.sendOne(id) ? 1 : 0;
            }
            for (String resident : self.digestsDue()) {
                sent += self.sendDigest(resident) ? 1 : 0;
            }
            if (sent > 0) {
                int count = sent;
                LOG.fine(() -> count + " notification mails sent");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send notification mail this round: " + e.getClass().getName());
        }
    }

    @Transactional
    public List<String> due() {
        return em.createQuery("select n.id from Notification n where n.mailStatus = :s and n.mailNextAt <= :now "
                        + "order by n.mailNextAt", String.class).setParameter("s", Notification.MailStatus.PENDING)
                .setParameter("now", clock.instant()).setMaxResults(BATCH).getResultList();
    }

    /** Sends one notification's mail; true when it went. */
    @Transactional
    public boolean sendOne(String id) {
        Notification n = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null || n.mailStatus() != Notification.MailStatus.PENDING) {
            return false;
        }
        Resident to = em.find(Resident.class, n.residentId());
        try {
            send(to.email(), n.subject(), n.body() + "\n\n" + link(n.link()));
            n.sent(clock.instant());
            return true;
        } catch (MessagingException | RuntimeException e) {
            n.failed(clock.instant());
            LOG.warning(() -> "A notification mail could not be sent; it will be retried: "
                    + e.getClass().getName());
            return false;
        }
    }

    /** Residents whose digest is due: DIGEST notifications a day old, and no digest in the last day. */
    @Transactional
    public List<String> digestsDue() {
        Instant dayAgo = clock.instant().minus(DIGEST_EVERY);
        return em.createQuery("select distinct n.residentId from Notification n, NotificationPreference p "
                        + "where p.residentId = n.residentId and n.mailStatus = :s and n.createdAt <= :dayAgo "
                        + "and (p.lastDigestAt is null or p.lastDigestAt <= :dayAgo)", String.class)
                .setParameter("s", Notification.MailStatus.DIGEST).setParameter("dayAgo", dayAgo)
                .setMaxResults(BATCH).getResultList();
    }

    @Transactional
    public boolean sendDigest(String residentId) {
        NotificationPreference pref = em.find(NotificationPreference.class, residentId, LockModeType.PESSIMISTIC_WRITE);
        List<Notification> waiting = em.createQuery("select n from Notification n where n.residentId = :r and "
                        + "n.mailStatus = :s order by n.createdAt", Notification.class).setParameter("r", residentId)
                .setParameter("s", Notification.MailStatus.DIGEST).getResultList();
        if (pref == null || waiting.isEmpty()) {
            return false;
        }
        StringBuilder body = new StringBuilder();
        waiting.forEach(n -> body.append("• ").append(n.subject()).append('\n'));
        body.append('\n').append(link("/"));
        String subject = switch (pref.language()) {
            case "ko" -> "나눔 소식 " + waiting.size() + "건";
            case "fr" -> "Nanum : " + waiting.size() + " nouvelles";
            default -> "Nanum: " + waiting.size() + " updates";
        };
        Instant now = clock.instant();
        try {
            send(em.find(Resident.class, residentId).email(), subject, body.toString());
            waiting.forEach(n -> n.sent(now));
            pref.digested(now);
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "A digest mail could not be sent; it is tried again next round: " + e.getClass().getName());
            return false;
        }
    }

    private void send(String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(mail);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        Transport.send(m);
    }

    private String link(String path) {
        return path == null ? publicUrl : publicUrl + path;
    }
}
