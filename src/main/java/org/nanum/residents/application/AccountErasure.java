package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.domain.Erasure;
import org.nanum.residents.domain.HouseholdRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems.AccountErasedException;
import org.nanum.residents.domain.ResidentsProblems.ErasureBlockedException;
import org.nanum.residents.domain.ResidentsProblems.ResidentNotFoundException;
import org.nanum.residents.infrastructure.KeycloakAccounts;

/**
 * A resident's erasure, asked by them or by staff on their behalf (the request recorded). Refused
 * while something is open (an item out, a session not settled: {@link ErasurePart#openItems});
 * then, in one transaction, every capability removes what says who they were, their household
 * goes with its last member, and their row becomes "Erased resident". Minutes stay where they are:
 * the ledger is not touched, so its books still balance and its hash chain still verifies. After
 * the commit, their Keycloak account is deleted (retried while Keycloak cannot be reached).
 */
@ApplicationScoped
public class AccountErasure {
    @Inject
    ResidentService residentService;
    @Inject
    ResidentRepository residents;
    @Inject
    HouseholdRepository households;
    @Inject
    Instance<ErasurePart> parts;
    @Inject
    AuditLog audit;
    @Inject
    jakarta.enterprise.event.Event<ResidentEvents.HouseholdDissolved> dissolved;
    @Inject
    KeycloakAccounts keycloak;
    @PersistenceContext(unitName = "nanum")
    EntityManager em;

    /** What an erasure did: when, and where the deletion of the Keycloak account stands. */
    public record ErasureView(String residentId, Instant erasedAt, Erasure.KeycloakStatus keycloakAccount) {
        static ErasureView of(Erasure e) {
            return new ErasureView(e.residentId(), e.erasedAt(), e.keycloakStatus());
        }
    }

    /** What keeps the caller's account from being erased now (empty: nothing). */
    @Transactional
    public List<Problem.FieldError> openItems(@NotNull SignedInUser user) {
        return openItems(subjectOf(residentService.signIn(user)));
    }

    @Transactional
    public ErasureView eraseMine(@NotNull SignedInUser user) {
        Resident me = residentService.signIn(user);
        Resident locked = residents.lockBySubject(me.subject()).orElseThrow();
        return erase(locked, locked.id(), false, null, AuditRecord.ActorKind.RESIDENT);
    }

    @Transactional
    public ErasureView eraseFor(@NotNull SignedInUser staff, @NotNull String residentId, @NotNull String reason) {
        Resident staffMember = residentService.signIn(staff);
        if (staffMember.id().equals(residentId)) {
            throw new ProblemException.InvalidField("id", "your own account is erased with POST /api/me/erasure");
        }
        Resident target = residents.findById(residentId).orElseThrow(() -> new ResidentNotFoundException(residentId));
        if (target.isErased()) {
            throw new AccountErasedException();
        }
        em.lock(target, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return erase(target, staffMember.id(), true, reason, AuditRecord.ActorKind.STAFF);
    }

    private ErasureView erase(Resident r, String requestedBy, boolean onBehalf, String reason, AuditRecord.ActorKind kind) {
        ErasurePart.Subject subject = subjectOf(r);
        List<Problem.FieldError> open = openItems(subject);
        if (!open.isEmpty()) {
            throw new ErasureBlockedException(open);
        }
        for (ErasurePart part : parts) {
            part.erase(subject);
        }
        em.flush();
        Instant now = Instant.now();
        if (subject.lastOfHousehold()) {
            households.lockById(subject.householdId()).ifPresent(h -> h.erase(now));
            dissolved.fire(new ResidentEvents.HouseholdDissolved(subject.householdId()));
        }
        String keycloakSubject = r.subject();
        r.erase(now);
        Erasure erasure = new Erasure(r.id(), requestedBy, onBehalf, reason, keycloakSubject, keycloak.isConfigured(), now);
        em.persist(erasure);
        audit.record(requestedBy, kind, "resident.erased", "resident", r.id(), reason);
        return ErasureView.of(erasure);
    }

    /** After the erasure committed: deletes the Keycloak account now if Keycloak answers. */
    @Transactional
    public ErasureView deleteAccount(@NotNull String residentId) {
        Erasure e = em.find(Erasure.class, residentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e.keycloakStatus() == Erasure.KeycloakStatus.PENDING) {
            e.keycloakAttempt(keycloak.delete(e.keycloakSubject()), Instant.now());
        }
        return ErasureView.of(e);
    }

    /** The sweep: accounts whose deletion Keycloak could not do before. */
    @Transactional
    public int retryPendingAccounts() {
        int deleted = 0;
        for (Erasure e : em.createQuery("select e from Erasure e where e.keycloakStatus = :p", Erasure.class)
                .setParameter("p", Erasure.KeycloakStatus.PENDING).setMaxResults(50).getResultList()) {
            boolean gone = keycloak.delete(e.keycloakSubject());
            e.keycloakAttempt(gone, Instant.now());
            deleted += gone ? 1 : 0;
        }
        return deleted;
    }

    private ErasurePart.Subject subjectOf(Resident r) {
        String household = r.householdId();
        boolean last = household != null && residents.membersOf(household).size() == 1;
        return new ErasurePart.Subject(r.id(), household, last);
    }

    private List<Problem.FieldError> openItems(ErasurePart.Subject subject) {
        List<Problem.FieldError> open = new ArrayList<>();
        for (ErasurePart part : parts) {
            open.addAll(part.openItems(subject));
        }
        return open;
    }
}
