package org.nanum.residents.domain;

import org.nanum.platform.rest.ProblemException;

/** What can refuse a request about residents and households. */
public final class ResidentsProblems {
    private ResidentsProblems() {
    }

    public static class AccountErasedException extends ProblemException {
        public AccountErasedException() {
            super(403, "account-erased", "This account was erased",
                    "This account was erased at its owner's request; nothing can be done with it any more.");
        }
    }

    public static class ErasureBlockedException extends ProblemException {
        public ErasureBlockedException(java.util.List<org.nanum.platform.rest.Problem.FieldError> open) {
            super(409, "erasure-blocked", "Close these first",
                    "Some things are still open: each is listed with what to do. Then ask again.", open);
        }
    }

    /** A member would leave minutes, a session or a listing behind with nobody to answer for it. */
    public static class LeavingBlockedException extends ProblemException {
        public LeavingBlockedException(java.util.List<org.nanum.platform.rest.Problem.FieldError> open) {
            super(409, "leaving-blocked", "Settle these before you leave",
                    "Minutes follow people, not empty households: what your household holds must be settled "
                            + "first. Each thing is listed with what to do.", open);
        }
    }

    public static class ErasureNotConfirmedException extends ProblemException.InvalidField {
        public ErasureNotConfirmedException() {
            super("confirm", "write ERASE to confirm: an erasure cannot be undone");
        }
    }

    public static class AlreadyInHouseholdException extends ProblemException {
        public AlreadyInHouseholdException() {
            super(409, "already-in-household", "Already in a household",
                    "You already belong to a household; leave it first.");
        }
    }

    public static class NotInHouseholdException extends ProblemException {
        public NotInHouseholdException() {
            super(404, "not-in-household", "Not in a household",
                    "You do not belong to a household; start one or join one with an invitation code.");
        }
    }

    public static class ResidentNotFoundException extends ProblemException {
        public ResidentNotFoundException(String id) {
            super(404, "resident-not-found", "No such resident", "No resident has the id " + id + ".");
        }
    }

    public static class UnknownDistrictException extends ProblemException.InvalidField {
        public UnknownDistrictException(String code) {
            super("district", "No district has the code '" + code + "'; GET /api/districts lists them.");
        }
    }

    public static class InvitationNotValidException extends ProblemException.InvalidField {
        public InvitationNotValidException() {
            super("invitationCode", "This invitation code is unknown or has expired; ask a member for a new one.");
        }
    }

    public static class OwnResidencyException extends ProblemException {
        public OwnResidencyException() {
            super(403, "own-residency", "Not your own residency",
                    "Staff do not verify their own residency; another staff member must.");
        }
    }

    public static class OwnSitterCheckException extends ProblemException {
        public OwnSitterCheckException() {
            super(403, "own-sitter-check", "Not your own sitter check",
                    "Staff do not record their own checks as a sitter; another staff member must.");
        }
    }

    public static class SitterNotVerifiedException extends ProblemException {
        public SitterNotVerifiedException(String who) {
            super(403, "sitter-not-verified", "Checks as a sitter not recorded",
                    who + " checks as a sitter are not on record: staff record them at the district office "
                            + "(PUT /api/residents/{id}/sitter-check) before childcare can be offered.");
        }
    }

    public static class ResidentSuspendedException extends ProblemException {
        public ResidentSuspendedException(java.time.Instant until) {
            super(403, "resident-suspended", "Your account is suspended",
                    "City staff suspended your account until " + until + ": until then you cannot borrow, book, "
                            + "take part in time-bank sessions or publish listings. You were told why, and may appeal.");
        }
    }
}
