package org.nanum.council.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.time.Sweeps;

/**
 * On a schedule: counts the proposals whose vote has closed (a passed one sets its policy value),
 * puts qualified petitions on their council's agenda and lapses those whose time ran out. Each in
 * its own transaction, so that one that fails does not hold back the others.
 */
@ApplicationScoped
public class CouncilSweep {
    @Inject
    ProposalService proposals;
    @Inject
    PetitionService petitions;
    @Inject
    Sweeps sweeps;
    @Inject
    @ConfigProperty(name = "nanum.council.sweep-seconds", defaultValue = "60")
    int sweepSeconds;

    void start(@Observes Startup startup) {
        sweeps.every(Duration.ofSeconds(sweepSeconds), "count votes and place petitions", this::sweep,
                "proposals counted or petitions moved on");
    }

    int sweep() {
        int done = 0;
        for (String id : proposals.dueForCounting()) {
            done += proposals.count(id) ? 1 : 0;
        }
        for (String id : petitions.waiting()) {
            done += petitions.advance(id) ? 1 : 0;
        }
        return done;
    }
}
