package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.Views.SitterCheckView;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems.OwnSitterCheckException;
import org.nanum.residents.domain.ResidentsProblems.ResidentNotFoundException;
import org.nanum.residents.domain.SitterCheck;

/**
 * Who may offer childcare: staff record that a resident's checks as a sitter were done (the fact,
 * the day, who recorded it; never the documents) and can withdraw it. Every decision is audited.
 */
@ApplicationScoped
public class SitterChecks {
    @PersistenceContext(unitName = "nanum")
    EntityManager em;
    @Inject
    ResidentService residentService;
    @Inject
    ResidentRepository residents;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public SitterCheckView decide(@NotNull SignedInUser staff, @NotNull String residentId, boolean verified,
                                  LocalDate checkedOn, @NotNull String reason) {
        Resident recorder = residentService.signIn(staff);
        Resident resident = residents.findById(residentId).orElseThrow(() -> new ResidentNotFoundException(residentId));
        if (resident.id().equals(recorder.id())) {
            throw new OwnSitterCheckException();
        }
        SitterCheck check = em.find(SitterCheck.class, residentId, LockModeType.PESSIMISTIC_WRITE);
        if (verified) {
            if (checkedOn == null) {
                throw new ProblemException.InvalidField("checkedOn", "give the day the checks were done");
            }
            if (checkedOn.isAfter(LocalDate.now(clock))) {
                throw new ProblemException.InvalidField("checkedOn", "is in the future");
            }
            if (check == null) {
                em.persist(new SitterCheck(residentId, checkedOn, recorder.id(), clock.instant()));
            } else {
                check.record(checkedOn, recorder.id(), clock.instant());
            }
        } else if (check != null && check.isValid()) {
            check.withdraw(recorder.id(), clock.instant());
        }
        audit.record(recorder.id(), AuditRecord.ActorKind.STAFF, verified ? "sitter.checked" : "sitter.withdrawn",
                "resident", residentId, reason);
        em.flush();
        return SitterCheckView.of(residentId, em.find(SitterCheck.class, residentId));
    }

    @Transactional
    public SitterCheckView of(@NotNull String residentId) {
        residents.findById(residentId).orElseThrow(() -> new ResidentNotFoundException(residentId));
        return SitterCheckView.of(residentId, em.find(SitterCheck.class, residentId));
    }

    /** Whether the resident may offer childcare now. */
    @Transactional
    public boolean isVerified(@NotNull String residentId) {
        SitterCheck check = em.find(SitterCheck.class, residentId);
        return check != null && check.isValid();
    }

    /** The signed-in resident's own record. */
    @Transactional
    public SitterCheckView mine(@NotNull SignedInUser user) {
        return of(residentService.signIn(user).id());
    }
}
