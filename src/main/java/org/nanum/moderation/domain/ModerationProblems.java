package org.nanum.moderation.domain;

import org.nanum.platform.rest.ProblemException;

/** What can refuse a report or a moderation decision (listed in docs/api/errors.md). */
public final class ModerationProblems {
    private ModerationProblems() {
    }

    public static class TargetNotFoundException extends ProblemException {
        public TargetNotFoundException(TargetType type, String id) {
            super(404, "report-target-not-found", "Nothing to report there",
                    "No " + type.name().toLowerCase(java.util.Locale.ROOT) + " you may report has the id " + id + ".");
        }
    }

    public static class AlreadyReportedException extends ProblemException {
        public AlreadyReportedException() {
            super(409, "already-reported", "You reported this already",
                    "Your earlier report about this is still open; staff will look at it.");
        }
    }

    public static class OwnTargetException extends ProblemException {
        public OwnTargetException() {
            super(409, "cannot-report-yourself", "This is your own",
                    "Residents do not report themselves or what they or their household own.");
        }
    }

    public static class CaseNotFoundException extends ProblemException {
        public CaseNotFoundException(String id) {
            super(404, "case-not-found", "No such case", "No moderation case has the id " + id + ".");
        }
    }

    public static class CaseClosedException extends ProblemException {
        public CaseClosedException() {
            super(409, "case-closed", "This case is decided", "The case is closed; a new report opens a new one.");
        }
    }

    public static class OwnCaseException extends ProblemException {
        public OwnCaseException() {
            super(403, "own-case", "Not your own case",
                    "A moderator never decides a report about their own listing, household or person.");
        }
    }

    public static class DecisionNotApplicableException extends ProblemException {
        public DecisionNotApplicableException(String why) {
            super(409, "decision-not-applicable", "That decision does not fit this case", why);
        }
    }

    public static class AppealNotAllowedException extends ProblemException {
        public AppealNotAllowedException(String why) {
            super(409, "appeal-not-allowed", "This decision cannot be appealed now", why);
        }
    }
}
