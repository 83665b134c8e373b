package org.nanum.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Whether this request is a staff member acting for a resident (assisted use), and who: set once
 * the consent is checked, read by the audit log to mark every record "on behalf".
 */
@RequestScoped
public class Assistance {
    /** The header a staff member sends, naming the resident (their resident id) they act for. */
    public static final String HEADER = "On-Behalf-Of";

    private String staffResidentId;
    private String residentId;

    void acting(String staffResidentId, String residentId) {
        this.staffResidentId = staffResidentId;
        this.residentId = residentId;
    }

    /** The resident acted for, when this request is assisted. */
    public Optional<String> resident() {
        return Optional.ofNullable(residentId);
    }

    /** The resident id of the staff member acting, when this request is assisted. */
    public Optional<String> staff() {
        return Optional.ofNullable(staffResidentId);
    }

    /**
     * Checks a staff member's standing consent to act for a resident (the residents capability
     * implements it): the resident as the request should see them, and the staff member's own id.
     */
    public interface Consents {
        Optional<Assisted> check(SignedInUser staff, String residentId);
    }

    /** Someone other than staff sent On-Behalf-Of, or staff sent it to an operation residents do not call. */
    public static class NotAllowedException extends org.nanum.platform.rest.ProblemException {
        public NotAllowedException(String detail) {
            super(403, "assistance-not-allowed", "Acting on behalf of a resident is not allowed here", detail);
        }
    }

    /** No standing consent of that resident to this staff member's help. */
    public static class NoConsentException extends org.nanum.platform.rest.ProblemException {
        public NoConsentException() {
            super(403, "no-assistance-consent", "No consent to act for this resident",
                    "the resident's consent to your help is not on record, has expired or was ended: record it first "
                            + "(POST /api/residents/{id}/assistance)");
        }
    }

    /** The resident acted for, and the resident id of the staff member acting. */
    public record Assisted(SignedInUser resident, String residentId, String staffResidentId) {
    }
}
