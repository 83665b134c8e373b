package org.nanum.residents.domain;

import java.util.Optional;

public interface HouseholdRepository {
    Optional<Household> findById(String id);

    /** Locks the household's row: joins and leaves of one household are serialised. */
    Optional<Household> lockById(String id);

    /** The household that issued this code, locked like {@link #lockById}. */
    Optional<Household> lockByInvitationCode(String code);

    void add(Household household);

    /** The ids of households that were dissolved, oldest first. */
    java.util.List<String> dissolved();
}
