package org.nanum.lending.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.catalogue.application.ListingService;
import org.nanum.lending.domain.Loan;
import org.nanum.platform.policy.Policy;
import org.nanum.platform.policy.PolicyService;
import org.nanum.residents.notification.NotificationKind;
import org.nanum.residents.notification.NotificationService;

/**
 * Finds loans out past their last day, on a schedule, and reminds their borrowers, at most every
 * OVERDUE_REMINDER_HOURS (policy). Each loan is locked while it is reminded, so several nodes
 * never remind twice.
 */
@ApplicationScoped
public class OverdueReminders {
    private static final Logger LOG = Logger.getLogger(OverdueReminders.class.getName());
    private static final int BATCH = 100;

    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    NotificationService notifications;
    @Inject
    ListingService listings;
    @Inject
    PolicyService policy;
    @Inject
    Clock clock;
    @Inject
    OverdueReminders self;
    @Inject
    @ConfigProperty(name = "nanum.city.zone", defaultValue = "Asia/Seoul")
    ZoneId cityZone;
    @Inject
    @ConfigProperty(name = "nanum.loans.sweep-seconds", defaultValue = "300")
    int sweepSeconds;
    @Resource
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> sweeper;

    void start(@Observes Startup startup) {
        sweeper = scheduler.scheduleWithFixedDelay(() -> {
            try {
                int reminded = self.remind();
                if (reminded > 0) {
                    LOG.info(() -> reminded + " borrowers of overdue loans reminded");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remind overdue borrowers this round: " + e.getClass().getName());
            }
        }, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    /** Reminds the borrowers of overdue loans whose last reminder is old enough; returns how many. */
    @Transactional
    public int remind() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, cityZone);
        Duration every = Duration.ofHours(policy.value(Policy.OVERDUE_REMINDER_HOURS));
        List<String> ids = em.createQuery("select l.id from Loan l where l.status = :out and l.lastDay < :today "
                        + "and (l.lastRemindedAt is null or l.lastRemindedAt < :since)", String.class)
                .setParameter("out", Loan.Status.OUT).setParameter("today", today).setParameter("since", now.minus(every))
                .setMaxResults(BATCH).getResultList();
        int reminded = 0;
        for (String id : ids) {
            Loan loan = em.find(Loan.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (loan != null && loan.remindIfDue(today, now, every)) {
                notifications.tell(loan.borrowerId(), NotificationKind.LOAN_OVERDUE, listings.titleOf(loan.listingId()),
                        "/api/loans/" + loan.id());
                reminded++;
            }
        }
        return reminded;
    }
}
