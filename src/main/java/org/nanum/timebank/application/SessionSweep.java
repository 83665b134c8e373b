package org.nanum.timebank.application;

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

/** On a schedule: erases care notes of sessions long over, and lets unanswered proposals lapse. */
@ApplicationScoped
public class SessionSweep {
    private static final Logger LOG = Logger.getLogger(SessionSweep.class.getName());

    @Inject
    SessionService sessions;
    @Inject
    @ConfigProperty(name = "nanum.timebank.sweep-seconds", defaultValue = "300")
    int sweepSeconds;
    @Resource
    ManagedScheduledExecutorService scheduler;
    private ScheduledFuture<?> sweeper;

    void start(@Observes Startup startup) {
        sweeper = scheduler.scheduleWithFixedDelay(() -> {
            try {
                int erased = sessions.sweep();
                if (erased > 0) {
                    // How many, never whose or what.
                    LOG.info(() -> erased + " care notes of past sessions erased");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not sweep the time bank's sessions this round: " + e.getClass().getName());
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
