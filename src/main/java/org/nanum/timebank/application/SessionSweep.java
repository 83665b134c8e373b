package org.nanum.timebank.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.time.Sweeps;

/**
 * On a schedule: erases care notes of sessions long over, lets unanswered no-show claims stand
 * and unanswered proposals lapse, and forgets idempotency keys older than TIMEBANK_IDEMPOTENCY_DAYS.
 */
@ApplicationScoped
public class SessionSweep {
    @Inject
    SessionService sessions;
    @Inject
    Sweeps sweeps;
    @Inject
    TransferService transfers;
    @Inject
    @ConfigProperty(name = "nanum.timebank.sweep-seconds", defaultValue = "300")
    int sweepSeconds;

    void start(@Observes Startup startup) {
        // How many, never whose or what.
        sweeps.every(Duration.ofSeconds(sweepSeconds), "sweep the time bank's sessions", sessions::sweep,
                "care notes of past sessions erased");
        sweeps.every(Duration.ofSeconds(sweepSeconds), "forget old idempotency keys", transfers::purgeKeys,
                "idempotency keys forgotten");
    }
}
