package org.nanum.platform.time;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work each node does on a schedule (sealing the journal, erasing care notes, ending suspensions):
 * run every period, a failed round logged (its class only: no resident's data) and tried again next
 * round, everything stopped with the application.
 */
@ApplicationScoped
public class Sweeps {
    private static final Logger LOG = Logger.getLogger(Sweeps.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> running = new CopyOnWriteArrayList<>();

    /**
     * Runs {@code work} every {@code period}; when it returns more than 0, logs that count with
     * {@code done} ("care notes of past sessions erased").
     */
    public void every(Duration period, String what, IntSupplier work, String done) {
        long millis = Math.max(1, period.toMillis());
        running.add(scheduler.scheduleWithFixedDelay(() -> {
            try {
                int n = work.getAsInt();
                if (n > 0 && done != null) {
                    LOG.info(() -> n + " " + done);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not " + what + " this round: " + e.getClass().getName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        running.forEach(f -> f.cancel(false));
    }
}
