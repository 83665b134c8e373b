package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.time.Sweeps;

/** On a schedule: deletes the Keycloak accounts of erased residents that Keycloak could not delete at once. */
@ApplicationScoped
public class ErasureSweep {
    @Inject
    AccountErasure erasure;
    @Inject
    Sweeps sweeps;
    @Inject
    @ConfigProperty(name = "nanum.residents.erasure-sweep-seconds", defaultValue = "300")
    int sweepSeconds;

    void start(@Observes Startup startup) {
        sweeps.every(Duration.ofSeconds(sweepSeconds), "delete erased residents' Keycloak accounts",
                erasure::retryPendingAccounts, "erased residents' Keycloak accounts deleted");
    }
}
