package org.nanum.moderation.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** On a schedule: ends the suspensions whose days are over, showing their listings again. */
@ApplicationScoped
public class ModerationSweep {
    private static final Logger LOG = Logger.getLogger(ModerationSweep.class.getName());

    @Inject
    ModerationQueue queue;
    @Inject
    @ConfigProperty(name = "nanum.moderation.sweep-seconds", defaultValue = "300")
    int sweepSeconds;
    @Resource
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> sweeper;

    void start(@Observes Startup startup) {
        sweeper = scheduler.scheduleWithFixedDelay(() -> {
            try {
                int ended = queue.endSuspensionsThatRanOut();
                if (ended > 0) {
                    LOG.info(() -> ended + " suspensions ran out and ended");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not end the suspensions that ran out this round: " + e.getClass().getName());
            }
        }, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }
}
