package org.nanum.residents.application;

import java.util.List;
import org.nanum.platform.rest.Problem;

/**
 * A capability's part of a resident's erasure (their right to be forgotten), as {@link PersonalData}
 * is its part of their export. First it says what must be closed before (an item still out, a
 * session not settled): the erasure is refused while anything is, and the resident closes it the
 * usual way, so that no loan or hour is settled behind anyone's back. Then, in the erasure's
 * transaction, it removes or pseudonymises what it holds about the resident; minutes, loans and
 * audit records keep their amounts and dates under the pseudonymous resident and household.
 */
public interface ErasurePart {
    /** What is still open, each as the thing (field) and what to do (message); most capabilities have nothing. */
    default List<Problem.FieldError> openItems(Subject subject) {
        return List.of();
    }

    /** Removes what says who the resident was; joins the caller's transaction. */
    void erase(Subject subject);

    /**
     * Whose data: the resident, their household (null when none), and whether they are its last
     * member (then the household's own data goes too).
     */
    record Subject(String residentId, String householdId, boolean lastOfHousehold) {
        /** The household when it goes with the resident, else an id that matches nothing. */
        public String householdIfLast() {
            return lastOfHousehold && householdId != null ? householdId : "";
        }
    }
}
