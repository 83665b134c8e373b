package org.nanum.lending.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.nanum.lending.domain.Loan;

/** What the loan API answers. */
public final class LoanViews {
    private LoanViews() {
    }

    /**
     * A loan. {@code borrowerName} for the lender only; {@code pickupPlace} for the lender, and for
     * the borrower once the loan is approved.
     */
    public record LoanView(String id, String itemId, String itemTitle, LocalDate firstDay, LocalDate lastDay, String status,
                           boolean overdue, String message, Integer depositKrw, String decisionNote, String pickupPlace,
                           Instant pickedUpAt, String conditionOut, Instant returnedAt, String conditionBack,
                           String damageNote, int renewals, String depositOutcome, Integer depositKeptKrw,
                           String depositReason, String borrowerName, Standing borrowerStanding, Instant createdAt) {
    }

    /** What others said of a resident after loans: for a lender weighing a request. */
    public record Standing(int references, Double averageRating) {
    }

    /** A reference as its subject or author sees it. */
    public record ReferenceView(String loanId, String itemTitle, String aboutRole, int rating, String comment,
                                String authorName, Instant createdAt) {
    }

    /** References about the caller, and those they wrote. */
    public record References(Standing standing, List<ReferenceView> aboutMe, List<ReferenceView> byMe) {
    }

    static LoanView of(Loan l, String itemTitle, String borrowerName, Standing standing, String pickupPlace,
                       LocalDate today) {
        return new LoanView(l.id(), l.listingId(), itemTitle, l.firstDay(), l.lastDay(), l.status().name(),
                l.isOverdue(today), l.message(), l.depositKrw(), l.decisionNote(), pickupPlace, l.pickedUpAt(),
                l.conditionOut() == null ? null : l.conditionOut().name(), l.returnedAt(),
                l.conditionBack() == null ? null : l.conditionBack().name(), l.damageNote(), l.renewals(),
                l.depositOutcome() == null ? null : l.depositOutcome().name(), l.depositKeptKrw(), l.depositReason(),
                borrowerName, standing, l.createdAt());
    }
}
