package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.domain.DistrictRepository;
import org.nanum.residents.domain.Household;
import org.nanum.residents.domain.Resident;
import org.nanum.residents.domain.ResidentsProblems.NotInHouseholdException;

/**
 * What other capabilities may know of residents, by id: who is signed in, their household and
 * district, and where a district is. Other capabilities call this, never the residents' tables.
 */
@ApplicationScoped
public class ResidentDirectory {
    @Inject
    ResidentService residentService;
    @Inject
    DistrictRepository districts;
    @Inject
    org.nanum.residents.domain.ResidentRepository residents;
    @Inject
    SitterChecks sitterChecks;
    @Inject
    Suspensions suspensions;
    @Inject
    org.nanum.residents.domain.HouseholdRepository households;

    /**
     * The signed-in person as other capabilities need them; {@code residencyVerified}: staff
     * verified where they live; {@code welcomed}: the time bank paid their welcome grant (once ever).
     */
    public record Who(String residentId, String householdId, String districtCode, boolean residencyVerified,
                      boolean welcomed) {
        static Who of(Resident r) {
            return new Who(r.id(), r.householdId(), r.districtCode(), r.isResidencyVerified(), r.isWelcomed());
        }
    }

    public record Place(String districtCode, double latitude, double longitude) {
    }

    @Transactional
    public Who signIn(@NotNull SignedInUser user) {
        return Who.of(residentService.signIn(user));
    }

    /** A resident known by their Keycloak subject, without touching their record. */
    @Transactional
    public java.util.Optional<Who> bySubject(String subject) {
        return residents.findBySubject(subject).map(Who::of);
    }

    /** Display names of residents by id (ids unknown are left out): what an owner sees of who booked. */
    @Transactional
    public java.util.Map<String, String> displayNames(java.util.Collection<String> ids) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String id : new java.util.HashSet<>(ids)) {
            residents.findById(id).ifPresent(r -> out.put(id, r.displayName()));
        }
        return out;
    }

    /** The caller's household id, or a 404 problem telling them to start or join one. */
    public String householdOf(Who who) {
        if (who.householdId() == null) {
            throw new NotInHouseholdException();
        }
        return who.householdId();
    }

    @Transactional
    public Place district(String code) {
        return districts.findByCode(code).map(d -> new Place(d.code(), d.latitude(), d.longitude())).orElse(null);
    }

    /** Whether staff recorded the resident's checks as a sitter (and did not withdraw them). */
    public boolean isVerifiedSitter(String residentId) {
        return sitterChecks.isVerified(residentId);
    }

    /** The ids of a household's members (to tell them all about their household's time bank). */
    @Transactional
    public java.util.List<String> membersOf(String householdId) {
        return residents.membersOf(householdId).stream().map(org.nanum.residents.domain.Resident::id).toList();
    }

    /** A household's name, or null when there is none with that id. */
    @Transactional
    public String householdName(String householdId) {
        return households.findById(householdId).map(org.nanum.residents.domain.Household::name).orElse(null);
    }

    /** The household of a resident known by id, or null when they have none. */
    @Transactional
    public String householdOfResident(String residentId) {
        return residents.findById(residentId).map(org.nanum.residents.domain.Resident::householdId).orElse(null);
    }

    /** A resident known by id, with their household and district. */
    @Transactional
    public java.util.Optional<Who> byId(String residentId) {
        return residents.findById(residentId).map(Who::of);
    }

    /** Whether a resident with this id exists. */
    @Transactional
    public boolean exists(String residentId) {
        return residents.findById(residentId).isPresent();
    }

    /**
     * The household to welcome the resident into, when their welcome grant is due: their residency
     * is verified, they are in a household that still exists, and they were never welcomed. Locks
     * the resident's row until the transaction ends, so that two requests welcome them once; the
     * caller pays the grant and then calls {@link #welcomed}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<String> welcomeDue(String residentId) {
        // What this transaction changed (the verification, the household joined) is written before
        // the lock reads the row again.
        residents.flush();
        Resident r = residents.lockById(residentId).orElse(null);
        if (r == null || r.isErased() || !r.isResidencyVerified() || r.isWelcomed() || r.householdId() == null) {
            return java.util.Optional.empty();
        }
        return households.findById(r.householdId()).filter(h -> !h.isDissolved()).map(Household::id);
    }

    /** Records the transfer that paid the resident's welcome grant (after {@link #welcomeDue}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void welcomed(String residentId, String transferId) {
        residents.findById(residentId).orElseThrow().welcomed(transferId);
    }

    /** Whether someone in the household (other than {@code except}, which may be null) has verified residency. */
    @Transactional
    public boolean hasVerifiedMember(String householdId, String except) {
        return residents.membersOf(householdId).stream()
                .anyMatch(r -> r.isResidencyVerified() && !r.id().equals(except));
    }

    /** Whether the household was dissolved (its last member left or was erased); false for an unknown id. */
    @Transactional
    public boolean isDissolved(String householdId) {
        return households.findById(householdId).map(Household::isDissolved).orElse(false);
    }

    /** Every household that was dissolved (its last member left or was erased), oldest first. */
    @Transactional
    public java.util.List<String> dissolvedHouseholds() {
        return households.dissolved();
    }

    /** Residents welcomed, and the distinct welcome grants they name (for the ledger check). */
    public record Welcomes(long residents, long grants) {
    }

    @Transactional
    public Welcomes welcomes() {
        long[] n = residents.welcomeCounts();
        return new Welcomes(n[0], n[1]);
    }

    /** 403 resident-suspended while the resident's suspension is in force (they may not borrow, book, swap time or publish). */
    public void requireNotSuspended(Who who) {
        suspensions.requireNotSuspended(who.residentId());
    }
}
