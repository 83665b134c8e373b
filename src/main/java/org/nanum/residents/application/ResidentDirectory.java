package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.domain.DistrictRepository;
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

    /** The signed-in person as other capabilities need them. */
    public record Who(String residentId, String householdId, String districtCode) {
    }

    public record Place(String districtCode, double latitude, double longitude) {
    }

    @Transactional
    public Who signIn(@NotNull SignedInUser user) {
        Resident r = residentService.signIn(user);
        return new Who(r.id(), r.householdId(), r.districtCode());
    }

    /** A resident known by their Keycloak subject, without touching their record. */
    @Transactional
    public java.util.Optional<Who> bySubject(String subject) {
        return residents.findBySubject(subject).map(r -> new Who(r.id(), r.householdId(), r.districtCode()));
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
        return residents.findById(residentId).map(r -> new Who(r.id(), r.householdId(), r.districtCode()));
    }

    /** Whether a resident with this id exists. */
    @Transactional
    public boolean exists(String residentId) {
        return residents.findById(residentId).isPresent();
    }

    /** 403 resident-suspended while the resident's suspension is in force (they may not borrow, book, swap time or publish). */
    public void requireNotSuspended(Who who) {
        suspensions.requireNotSuspended(who.residentId());
    }
}
