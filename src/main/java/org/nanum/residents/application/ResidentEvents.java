package org.nanum.residents.application;

/**
 * What happens to residents and households that other capabilities act on, in the same
 * transaction (observed with {@code @Observes}): the time bank welcomes a resident, closes a
 * dissolved household's account. Residents never call those capabilities themselves.
 */
public final class ResidentEvents {
    private ResidentEvents() {
    }

    /** Staff verified the resident's residency. */
    public record ResidencyVerified(String residentId) {
    }

    /** The resident started or joined a household. */
    public record JoinedHousehold(String residentId, String householdId) {
    }

    /** The household's last member left or was erased: it is gone, and nothing more may reach it. */
    public record HouseholdDissolved(String householdId) {
    }
}
