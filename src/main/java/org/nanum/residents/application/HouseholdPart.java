package org.nanum.residents.application;

import java.util.List;
import org.nanum.platform.rest.Problem;

/**
 * A capability's say when a member leaves a household, as {@link ErasurePart} is its say in an
 * erasure: what would be left behind with nobody to answer for it (minutes on the household's
 * books, a session booked, a listing published). The member may not leave while anything is;
 * they settle it the usual way first (docs/decisions/0008-minutes-follow-people.md).
 */
public interface HouseholdPart {
    /** What keeps the member from leaving now, each as the thing (field) and what to do (message). */
    List<Problem.FieldError> keepsFromLeaving(Departure departure);

    /**
     * Who leaves which household, and whether they are its last member (then it is dissolved);
     * {@code verifiedRemain}: whether someone whose residency staff verified stays in it.
     */
    record Departure(String residentId, String householdId, boolean last, boolean verifiedRemain) {
    }
}
