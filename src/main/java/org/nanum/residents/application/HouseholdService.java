package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.Views.HouseholdView;
import org.nanum.residents.application.Views.InvitationView;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.HouseholdRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems.AlreadyInHouseholdException;
import org.nanum.residents.domain.ResidentsProblems.InvitationNotValidException;
import org.nanum.residents.domain.ResidentsProblems.NotInHouseholdException;

/**
 * Households: start one, invite, join, leave. Each use case locks the resident's row first, so
 * one person's concurrent requests cannot put them in two households, and locks the household's
 * row before counting its members, so the last two members leaving at once dissolve it once.
 */
@ApplicationScoped
public class HouseholdService {
    @Inject
    ResidentService residentService;
    @Inject
    ResidentRepository residents;
    @Inject
    HouseholdRepository households;
    @Inject
    AuditLog audit;
    @Inject
    @ConfigProperty(name = "nanum.household.invitation-validity", defaultValue = "P7D")
    Duration invitationValidity;

    @Transactional
    public HouseholdView start(@NotNull SignedInUser user, @NotBlank String name) {
        Resident me = lockedResident(user);
        if (me.householdId() != null) {
            throw new AlreadyInHouseholdException();
        }
        Household household = new Household(name.strip(), Instant.now());
        households.add(household);
        me.joinHousehold(household);
        audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.started", "household", household.id(), null);
        return HouseholdView.of(household, java.util.List.of(me));
    }

    @Transactional
    public HouseholdView mine(@NotNull SignedInUser user) {
        Resident me = residentService.signIn(user);
        Household household = householdOf(me, false);
        return HouseholdView.of(household, residents.membersOf(household.id()));
    }

    /** A new invitation code for the caller's household; any earlier code stops working. */
    @Transactional
    public InvitationView invite(@NotNull SignedInUser user) {
        Resident me = residentService.signIn(user);
        Household household = householdOf(me, true);
        String code = household.issueInvitation(Instant.now(), invitationValidity);
        return new InvitationView(code, household.invitationExpiresAt());
    }

    @Transactional
    public HouseholdView join(@NotNull SignedInUser user, @NotBlank String invitationCode) {
        Resident me = lockedResident(user);
        if (me.householdId() != null) {
            throw new AlreadyInHouseholdException();
        }
        Household household = households.lockByInvitationCode(Household.normalise(invitationCode))
                .orElseThrow(InvitationNotValidException::new);
        if (!household.acceptsInvitation(invitationCode, Instant.now())) {
            throw new InvitationNotValidException();
        }
        me.joinHousehold(household);
        audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.joined", "household", household.id(), null);
        return HouseholdView.of(household, residents.membersOf(household.id()));
    }

    @Transactional
    public void leave(@NotNull SignedInUser user) {
        Resident me = lockedResident(user);
        Household household = householdOf(me, true);
        me.leaveHousehold();
        audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.left", "household", household.id(), null);
        boolean othersRemain = residents.membersOf(household.id()).stream().anyMatch(r -> !r.id().equals(me.id()));
        if (!othersRemain) {
            household.dissolve(Instant.now());
            audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.dissolved", "household",
                    household.id(), "The last member left.");
        }
    }

    private Resident lockedResident(SignedInUser user) {
        residentService.signIn(user);
        return residents.lockBySubject(user.subject()).orElseThrow();
    }

    private Household householdOf(Resident me, boolean lock) {
        if (me.householdId() == null) {
            throw new NotInHouseholdException();
        }
        return (lock ? households.lockById(me.householdId()) : households.findById(me.householdId()))
                .orElseThrow(NotInHouseholdException::new);
    }
}
