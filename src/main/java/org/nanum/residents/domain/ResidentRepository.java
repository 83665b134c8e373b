package org.nanum.residents.domain;

import java.util.List;
import java.util.Optional;

public interface ResidentRepository {
    Optional<Resident> findById(String id);

    Optional<Resident> findBySubject(String subject);

    List<Resident> membersOf(String householdId);

    /** Locks the resident's row until the transaction ends (household moves are serialised per resident). */
    Optional<Resident> lockBySubject(String subject);

    void add(Resident resident);
}
