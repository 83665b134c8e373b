package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.logging.Logger;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.Views.MeView;
import org.nanum.residents.application.Views.ResidentView;
import org.nanum.residents.domain.District;
import org.nanum.residents.domain.DistrictRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems.OwnResidencyException;
import org.nanum.residents.domain.ResidentsProblems.ResidentNotFoundException;
import org.nanum.residents.domain.ResidentsProblems.UnknownDistrictException;

/** Residents as people: who am I, where do I live, is my residency verified. */
@ApplicationScoped
public class ResidentService {
    private static final Logger LOG = Logger.getLogger(ResidentService.class.getName());

    @Inject
    ResidentRepository residents;
    @Inject
    DistrictRepository districts;
    @Inject
    ResidentEnrolment enrolment;
    @Inject
    AuditLog audit;
    @Inject
    jakarta.enterprise.event.Event<ResidentEvents.ResidencyVerified> residencyVerified;

    /** Subjects this node has seen enrolled: their requests skip the enrolment transaction. */
    private final java.util.Set<String> enrolled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int ENROLLED_KEPT = 100_000;

    /**
     * The signed-in resident, created on first sign-in; name and email follow Keycloak.
     *
     * <p>A subject this node has not seen yet is enrolled (in a transaction of its own) before this
     * transaction reads anything: a request holding its own connection while it waits for a second
     * one for the enrolment would, with many first sign-ins at once, empty the connection pool and
     * wait on itself (seen in SlotRaceIT: 30 first requests, 20 connections).
     */
    @Transactional
    public Resident signIn(@NotNull SignedInUser user) {
        SignedInUser identity = null;
        if (!enrolled.contains(user.subject())) {
            identity = identityOf(user);
            enrol(identity);
        }
        Resident resident = residents.findBySubject(user.subject()).orElse(null);
        if (resident == null) {
            identity = identity != null ? identity : identityOf(user);
            enrol(identity);
            // Answered as 409 concurrent-update: reload and retry.
            resident = residents.findBySubject(user.subject()).orElseThrow(() -> new jakarta.persistence
                    .OptimisticLockException("the first sign-in of this person could not be recorded; try again"));
        }
        if (enrolled.size() > ENROLLED_KEPT) {
            enrolled.clear();
        }
        enrolled.add(user.subject());
        if (resident.isErased()) {
            // A token issued before the erasure: the account is gone, and so is everything it said.
            throw new org.nanum.residents.domain.ResidentsProblems.AccountErasedException();
        }
        // Name and email follow Keycloak: once per node from its admin API (access tokens carry
        // neither), or on every request from a realm that still puts them in its tokens.
        SignedInUser shown = identity != null ? identity : user.email() != null ? user : null;
        if (shown != null && shown.email() != null) {
            resident.refreshIdentity(shown.username(), shown.displayName(), shown.email());
        }
        return resident;
    }

    @Inject
    org.nanum.residents.infrastructure.KeycloakAccounts keycloak;

    /**
     * Who the caller is: the token's claims when it has them (an email), else Keycloak's own record
     * (the realm keeps names and emails out of access tokens), else the token's subject alone.
     */
    private SignedInUser identityOf(SignedInUser user) {
        if (user.email() != null) {
            return user;
        }
        return keycloak.profile(user.subject()).map(p -> new SignedInUser(user.subject(),
                        p.username() != null ? p.username() : user.username(), p.displayName() != null ? p.displayName()
                        : user.displayName(), p.email(), user.roles(), p.emailVerified(), user.serviceAccount()))
                .orElse(user);
    }

    private void enrol(SignedInUser user) {
        try {
            enrolment.enrol(user);
        } catch (RuntimeException raced) {
            // Another first request of the same person won the insert; theirs is the row.
            LOG.fine("Concurrent first sign-in resolved for a resident");
        }
    }

    @Transactional
    public MeView me(@NotNull SignedInUser user) {
        Resident resident = signIn(user);
        return MeView.of(resident, districts.findByCode(resident.districtCode()).orElse(null), user.roles());
    }

    @Transactional
    public MeView chooseDistrict(@NotNull SignedInUser user, @NotBlank String districtCode) {
        District district = districts.findByCode(districtCode)
                .orElseThrow(() -> new UnknownDistrictException(districtCode));
        Resident resident = signIn(user);
        resident.moveTo(district);
        return MeView.of(resident, district, user.roles());
    }

    @Transactional
    public ResidentView find(@NotNull String residentId) {
        return ResidentView.of(residents.findById(residentId)
                .orElseThrow(() -> new ResidentNotFoundException(residentId)));
    }

    /**
     * Staff mark a resident's residency as verified (or withdraw it), with a reason, on the
     * record. Nobody verifies their own residency.
     */
    @Transactional
    public ResidentView verifyResidency(@NotNull SignedInUser staff, @NotNull String residentId, boolean verified,
                                        @NotBlank @Size(max = 2000) String reason) {
        Resident verifier = signIn(staff);
        Resident resident = residents.findById(residentId)
                .orElseThrow(() -> new ResidentNotFoundException(residentId));
        if (resident.id().equals(verifier.id())) {
            throw new OwnResidencyException();
        }
        boolean wasVerified = resident.isResidencyVerified();
        if (verified) {
            resident.verifyResidency(verifier, Instant.now());
        } else {
            resident.withdrawResidencyVerification();
        }
        audit.record(verifier.id(), AuditRecord.ActorKind.STAFF,
                verified ? "residency.verified" : "residency.withdrawn", "resident", resident.id(), reason);
        if (verified && !wasVerified) {
            residencyVerified.fire(new ResidentEvents.ResidencyVerified(resident.id()));
        }
        return ResidentView.of(resident);
    }
}
