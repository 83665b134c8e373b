package org.nanum.council.domain;

import org.nanum.platform.rest.ProblemException;

/** What can refuse a council's request (listed in docs/api/errors.md). */
public final class CouncilProblems {
    private CouncilProblems() {
    }

    public static class CouncilNotFoundException extends ProblemException {
        public CouncilNotFoundException(String id) {
            super(404, "council-not-found", "No such council", "No council has the id " + id + ".");
        }
    }

    public static class TermNotFoundException extends ProblemException {
        public TermNotFoundException(String id) {
            super(404, "term-not-found", "No such term", "This council has no term with the id " + id + ".");
        }
    }

    public static class ProposalNotFoundException extends ProblemException {
        public ProposalNotFoundException(String id) {
            super(404, "proposal-not-found", "No such proposal", "No proposal has the id " + id + ".");
        }
    }

    public static class PetitionNotFoundException extends ProblemException {
        public PetitionNotFoundException(String id) {
            super(404, "petition-not-found", "No such petition", "No petition has the id " + id + ".");
        }
    }

    public static class AppealNotFoundException extends ProblemException {
        public AppealNotFoundException(String id) {
            super(404, "appeal-not-found", "No such appeal", "No appeal has the id " + id + ".");
        }
    }

    /** A council role without a seat on that council for the term in force. */
    public static class NotAMemberException extends ProblemException {
        public NotAMemberException(String detail) {
            super(403, "not-a-council-member", "Not a member of this council", detail);
        }
    }

    /** Staff and admins act for the city: they do not vote, propose, comment or support petitions. */
    public static class CityRoleException extends ProblemException {
        public CityRoleException(String detail) {
            super(403, "city-role-cannot-take-part", "City staff and admins do not take part", detail);
        }
    }

    /** A member hearing an appeal that concerns them or their household. */
    public static class ConflictOfInterestException extends ProblemException {
        public ConflictOfInterestException() {
            super(403, "conflict-of-interest", "This appeal concerns you",
                    "Members do not hear appeals about themselves or their household; another member does.");
        }
    }

    /** Comments or votes outside the proposal's window. */
    public static class OutsideWindowException extends ProblemException {
        public OutsideWindowException(String detail) {
            super(409, "outside-window", "Not in this proposal's window", detail);
        }
    }

    public static class AlreadyVotedException extends ProblemException {
        public AlreadyVotedException() {
            super(409, "already-voted", "You voted already", "A member votes once on a proposal; ballots are final.");
        }
    }

    public static class AlreadySupportedException extends ProblemException {
        public AlreadySupportedException() {
            super(409, "already-supported", "You support this petition already", "Each resident supports a petition once.");
        }
    }

    public static class PetitionClosedException extends ProblemException {
        public PetitionClosedException(String detail) {
            super(409, "petition-closed", "This petition no longer gathers support", detail);
        }
    }

    public static class AppealHeardException extends ProblemException {
        public AppealHeardException() {
            super(409, "appeal-heard", "This appeal was heard already", "An appeal is heard once; its outcome stands.");
        }
    }

    /** A term that overlaps another, or a vote that would end after the term. */
    public static class TermConflictException extends ProblemException {
        public TermConflictException(String detail) {
            super(409, "term-conflict", "That does not fit the council's terms", detail);
        }
    }

    /** A policy a council does not decide (its own procedure), or a value it already has. */
    public static class PolicyNotProposableException extends ProblemException {
        public PolicyNotProposableException(String detail) {
            super(409, "policy-not-proposable", "That policy cannot be proposed", detail);
        }
    }

    /** A resident who cannot sit on that council (unknown, or living in another district). */
    public static class MemberNotEligibleException extends ProblemException {
        public MemberNotEligibleException(String detail) {
            super(409, "member-not-eligible", "This resident cannot sit on that council", detail);
        }
    }
}
