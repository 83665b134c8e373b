package org.nanum.lending.domain;

import java.util.List;
import org.nanum.platform.rest.Problem;
import org.nanum.platform.rest.ProblemException;

/** What can refuse a request about bookings. */
public final class LendingProblems {
    private LendingProblems() {
    }

    public static class BookingNotFoundException extends ProblemException {
        public BookingNotFoundException(String id) {
            super(404, "booking-not-found", "No such booking", "No booking you may see has the id " + id + ".");
        }
    }

    public static class SpaceNotBookableException extends ProblemException {
        public SpaceNotBookableException(String why) {
            this(why, List.of());
        }

        public SpaceNotBookableException(String why, List<Problem.FieldError> dates) {
            super(409, "space-not-bookable", "This space cannot be booked here", why, dates);
        }
    }

    /** Some of the quarter hours asked for are taken; {@code errors} name the dates that clash. */
    public static class SlotTakenException extends ProblemException {
        public SlotTakenException(String detail, List<Problem.FieldError> clashes) {
            super(409, "slot-taken", "That time is already taken", detail, clashes);
        }
    }

    public static class BookingLimitReachedException extends ProblemException {
        public BookingLimitReachedException(int limit) {
            super(409, "booking-limit-reached", "Too many bookings",
                    "A resident may hold at most " + limit + " future bookings (policy BOOKING_MAX_ACTIVE); "
                            + "cancel one or wait until one has passed.");
        }
    }

    public static class NotCancellableException extends ProblemException {
        public NotCancellableException(String why) {
            super(409, "booking-not-cancellable", "This booking cannot be cancelled", "It cannot be cancelled: " + why + ".");
        }
    }

    public static class TooLateToCancelException extends ProblemException {
        public TooLateToCancelException(int hours) {
            super(409, "too-late-to-cancel", "Too late to cancel here",
                    "A booking can be cancelled here until " + hours + " hours before it starts (policy "
                            + "BOOKING_FREE_CANCEL_HOURS); after that, write to the space's staff.");
        }
    }

    public static class NotYourSpaceException extends ProblemException {
        public NotYourSpaceException() {
            super(403, "not-your-space", "Not your space",
                    "Only the space's owner (staff, for the city's spaces) may do this.");
        }
    }

    public static class OwnSpaceException extends ProblemException {
        public OwnSpaceException() {
            super(409, "own-space", "This is your own space",
                    "You do not book your own space; block the time instead (POST /api/bookings/blocks).");
        }
    }

    public static class LoanNotFoundException extends ProblemException {
        public LoanNotFoundException(String id) {
            super(404, "loan-not-found", "No such loan", "No loan you may see has the id " + id + ".");
        }
    }

    public static class LoanTransitionException extends ProblemException {
        public LoanTransitionException(Loan.Status from, Loan.Status... allowed) {
            this("the loan is " + from + "; this needs it to be " + java.util.Arrays.toString(allowed));
        }

        public LoanTransitionException(String why) {
            super(409, "loan-transition-not-allowed", "Not possible at this stage of the loan", "Not possible: " + why + ".");
        }
    }

    public static class OwnItemException extends ProblemException {
        public OwnItemException() {
            super(409, "own-item", "This is your own item", "You do not borrow what you lend.");
        }
    }

    public static class ItemNotLendableException extends ProblemException {
        public ItemNotLendableException(String why) {
            this(why, List.of());
        }

        public ItemNotLendableException(String why, List<Problem.FieldError> days) {
            super(409, "item-not-lendable", "This cannot be borrowed then", why, days);
        }
    }

    /** Some of the days are already lent to someone else; {@code errors} name them. */
    public static class DaysTakenException extends ProblemException {
        public DaysTakenException(String detail, List<Problem.FieldError> days) {
            super(409, "days-taken", "Already lent on those days", detail, days);
        }
    }

    public static class LoanLimitReachedException extends ProblemException {
        public LoanLimitReachedException(int limit) {
            super(409, "loan-limit-reached", "Too many loans",
                    "A resident may have at most " + limit + " loans requested, approved or out at once "
                            + "(policy LOAN_MAX_ACTIVE).");
        }
    }

    public static class RenewalRefusedException extends ProblemException {
        public RenewalRefusedException(String why) {
            super(409, "renewal-refused", "The loan cannot be renewed", why);
        }
    }

    public static class NotTheLenderException extends ProblemException {
        public NotTheLenderException() {
            super(403, "not-the-lender", "Only the lender decides",
                    "Only the item's owner (staff, for the city's tool library) may do this.");
        }
    }

    public static class HoldNotFoundException extends ProblemException {
        public HoldNotFoundException(String id) {
            super(404, "hold-not-found", "No such hold", "No hold of yours has the id " + id + ".");
        }
    }

    public static class HoldTransitionException extends ProblemException {
        public HoldTransitionException(String why) {
            super(409, "hold-transition-not-allowed", "Not possible for this hold", "Not possible: " + why + ".");
        }
    }

    public static class NoQueueException extends ProblemException {
        public NoQueueException(String why) {
            super(409, "no-queue", "No need to queue", why);
        }
    }

    public static class HoldLimitReachedException extends ProblemException {
        public HoldLimitReachedException(int limit) {
            super(409, "hold-limit-reached", "Too many holds",
                    "A resident may wait in at most " + limit + " queues at once (policy HOLD_MAX_ACTIVE).");
        }
    }

    public static class ReferenceNotAllowedException extends ProblemException {
        public ReferenceNotAllowedException(String why) {
            super(409, "reference-not-allowed", "No reference now", why);
        }
    }

    public static class OwnLoanException extends ProblemException {
        public OwnLoanException() {
            super(403, "own-loan", "Not on your own loan", "Staff do not decide on their own loans; another staff member does.");
        }
    }
}
