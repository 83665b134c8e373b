package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;

/**
 * Creates the resident of a first sign-in in a transaction of its own, so that two first
 * requests racing each other end with one resident: the loser's insert fails on the unique
 * subject and it reads the winner's row instead.
 */
@ApplicationScoped
class ResidentEnrolment {
    @Inject
    ResidentRepository residents;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void enrol(SignedInUser user) {
        if (residents.findBySubject(user.subject()).isPresent()) {
            return;
        }
        // A member imported from another time bank becomes this account on their first sign-in,
        // when Keycloak has verified that the email is theirs; the oldest such record wins.
        if (user.emailVerified() && user.email() != null && !user.email().isBlank()) {
            var imported = residents.unclaimedWithEmail(user.email().strip());
            if (!imported.isEmpty()) {
                imported.get(0).claim(user.subject(), user.username(), user.displayName(), user.email());
                return;
            }
        }
        residents.add(new Resident(user.subject(), user.username(), user.displayName(), user.email(), Instant.now()));
    }
}
