package org.nanum.moderation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.time.Sweeps;

/** On a schedule: ends the suspensions whose days are over, showing their listings again. */
@ApplicationScoped
public class ModerationSweep {
    @Inject
    ModerationQueue queue;
    @Inject
    Sweeps sweeps;
    @Inject
    @ConfigProperty(name = "nanum.moderation.sweep-seconds", defaultValue = "300")
    int sweepSeconds;

    void start(@Observes Startup startup) {
        sweeps.every(Duration.ofSeconds(sweepSeconds), "end the suspensions that ran out",
                queue::endSuspensionsThatRanOut, "suspensions ran out and ended");
    }
}
