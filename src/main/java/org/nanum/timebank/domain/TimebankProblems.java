package org.nanum.timebank.domain;

import java.util.Arrays;
import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.rest.ProblemException;

/** What can refuse a request to the time bank (listed in docs/api/errors.md). */
public final class TimebankProblems {
    private TimebankProblems() {
    }

    /** A transfer would take an account below its floor or above its ceiling. */
    public static class LimitReachedException extends ProblemException {
        public LimitReachedException(String detail) {
            super(409, "timebank-limit-reached", "Over the time bank's limits", detail,
                    List.of(new Problem.FieldError("minutes", detail)));
        }
    }

    /** Minutes to or from the account of a household that was dissolved. */
    public static class AccountClosedException extends ProblemException {
        public AccountClosedException(String field) {
            super(409, "account-closed", "This account is closed",
                    "Its household was dissolved: nothing can be paid into or out of its account any more.",
                    List.of(new Problem.FieldError(field, "the account of a dissolved household")));
        }
    }

    /** Staff acting on their own household's minutes. */
    public static class OwnHouseholdException extends ProblemException {
        public OwnHouseholdException(String why) {
            super(403, "own-household", "Not for your own household", why);
        }
    }

    public static class IdempotencyKeyReusedException extends ProblemException {
        public IdempotencyKeyReusedException() {
            super(422, "idempotency-key-reused", "This Idempotency-Key was used for another transfer",
                    "A retry must send the same transfer as the first try; use a new key for a new transfer.",
                    List.of(new Problem.FieldError("Idempotency-Key", "was used for a different transfer")));
        }
    }

    public static class TransferNotFoundException extends ProblemException {
        public TransferNotFoundException(String id) {
            super(404, "transfer-not-found", "No such transfer", "No transfer you may see has the id " + id + ".");
        }
    }

    public static class TransferNotReversibleException extends ProblemException {
        public TransferNotReversibleException(String why) {
            super(409, "transfer-not-reversible", "This transfer cannot be reversed", why);
        }
    }

    /** Posting or voiding a hold that is no longer pending. */
    public static class TransferNotPendingException extends ProblemException {
        public TransferNotPendingException(Transfer.Status status) {
            super(409, "transfer-not-pending", "These minutes are no longer held",
                    "The transfer is " + status + "; only a PENDING transfer can be posted or voided.");
        }
    }

    public static class SessionNotFoundException extends ProblemException {
        public SessionNotFoundException(String id) {
            super(404, "session-not-found", "No such session", "No session you may see has the id " + id + ".");
        }
    }

    public static class SessionTransitionException extends ProblemException {
        public SessionTransitionException(Session.Status from, Session.Status... allowed) {
            super(409, "session-transition-not-allowed", "Not possible now",
                    "The session is " + from + "; this needs it to be " + Arrays.toString(allowed) + ".");
        }

        public SessionTransitionException(String why) {
            super(409, "session-transition-not-allowed", "Not possible now", why);
        }
    }

    /** A party asks for what only the other side may do (the family accepting for the sitter, …). */
    public static class NotYourTurnException extends ProblemException {
        public NotYourTurnException(String why) {
            super(403, "not-your-turn", "The other side does this", why);
        }
    }

    public static class OwnListingException extends ProblemException {
        public OwnListingException() {
            super(409, "own-listing", "This is your household's own listing",
                    "A household does not swap time with itself.");
        }
    }

    public static class ListingNotForSessionsException extends ProblemException {
        public ListingNotForSessionsException(String why) {
            super(409, "listing-not-for-sessions", "No session can come of this listing", why);
        }
    }

    public static class ProviderBusyException extends ProblemException {
        public ProviderBusyException() {
            super(409, "provider-busy", "Already giving time then",
                    "The sitter or helper already has a session at an overlapping time.",
                    List.of(new Problem.FieldError("startsAt", "overlaps another session of theirs")));
        }
    }
}
