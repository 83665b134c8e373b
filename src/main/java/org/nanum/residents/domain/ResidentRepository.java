package org.nanum.residents.domain;

import java.util.List;
import java.util.Optional;

public interface ResidentRepository {
    Optional<Resident> findById(String id);

    Optional<Resident> findBySubject(String subject);

    List<Resident> membersOf(String householdId);

    /** Locks the resident's row until the transaction ends. */
    Optional<Resident> lockById(String id);

    /** Residents the time bank welcomed, and the distinct welcome grants they name (before decision 0008 a household's grant welcomed all its members). */
    long[] welcomeCounts();

    /** Locks the resident's row until the transaction ends (household moves are serialised per resident). */
    Optional<Resident> lockBySubject(String subject);

    void add(Resident resident);

    /** Writes what is pending now: rows of other capabilities that name a new resident follow. */
    void flush();

    /** Imported members who have not signed in yet, with this email (ignoring case), the oldest first. */
    List<Resident> unclaimedWithEmail(String email);

    /** A resident who has signed in and has this email (ignoring case), the oldest first. */
    Optional<Resident> signedInWithEmail(String email);
}
