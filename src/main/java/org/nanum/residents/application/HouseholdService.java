package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nanum.platform.audit.AuditLog;
import org.nanum.platform.audit.AuditRecord;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.Views.HouseholdView;
import org.nanum.residents.application.Views.InvitationView;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.HouseholdRepository;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentRepository;
import org.nanum.residents.domain.ResidentsProblems.AlreadyInHouseholdException;
import org.nanum.residents.domain.ResidentsProblems.InvitationNotValidException;
import org.nanum.residents.domain.ResidentsProblems.LeavingBlockedException;
import org.nanum.residents.domain.ResidentsProblems.NotInHouseholdException;

/**
 * Households: start one, invite, join, leave. Each use case locks the resident's row first, so
 * one person's concurrent requests cannot put them in two households, and locks the household's
 * row before counting its members, so the last two members leaving at once dissolve it once.
 *
 * <p>Minutes follow people, not empty households (decision 0008): a member may not leave while
 * a capability says something would be left behind ({@link HouseholdPart}): the last member while
 * the household's books are not at zero or a session or listing of theirs is open; any member
 * while the household owes minutes and nobody with verified residency stays to answer for them.
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
    Instance<HouseholdPart> parts;
    @Inject
    Event<ResidentEvents.JoinedHousehold> joined;
    @Inject
    Event<ResidentEvents.HouseholdDissolved> dissolved;
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
        joined.fire(new ResidentEvents.JoinedHousehold(me.id(), household.id()));
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
        joined.fire(new ResidentEvents.JoinedHousehold(me.id(), household.id()));
        return HouseholdView.of(household, residents.membersOf(household.id()));
    }

    /** What keeps the caller from leaving their household now (empty: nothing). */
    @Transactional
    public List<Problem.FieldError> keepingMe(@NotNull SignedInUser user) {
        Resident me = residentService.signIn(user);
        return keepsFromLeaving(me, householdOf(me, false));
    }

    @Transactional
    public void leave(@NotNull SignedInUser user) {
        Resident me = lockedResident(user);
        Household household = householdOf(me, true);
        List<Problem.FieldError> open = keepsFromLeaving(me, household);
        if (!open.isEmpty()) {
            throw new LeavingBlockedException(open);
        }
        boolean last = isLast(me, household.id());
        me.leaveHousehold();
        audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.left", "household", household.id(), null);
        if (last) {
            household.dissolve(Instant.now());
            audit.record(me.id(), AuditRecord.ActorKind.RESIDENT, "household.dissolved", "household",
                    household.id(), "The last member left.");
            dissolved.fire(new ResidentEvents.HouseholdDissolved(household.id()));
        }
    }

    /** What each capability says would be left behind if the resident left (or were erased from) the household. */
    List<Problem.FieldError> keepsFromLeaving(Resident me, Household household) {
        List<Resident> others = residents.membersOf(household.id()).stream().filter(r -> !r.id().equals(me.id())).toList();
        HouseholdPart.Departure departure = new HouseholdPart.Departure(me.id(), household.id(), others.isEmpty(),
                others.stream().anyMatch(Resident::isResidencyVerified));
        List<Problem.FieldError> open = new ArrayList<>();
        for (HouseholdPart part : parts) {
            open.addAll(part.keepsFromLeaving(departure));
        }
        return open;
    }

    private boolean isLast(Resident me, String householdId) {
        return residents.membersOf(householdId).stream().allMatch(r -> r.id().equals(me.id()));
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
