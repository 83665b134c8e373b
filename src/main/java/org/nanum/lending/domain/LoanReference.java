package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A word after a closed loan, by its borrower about the lender or by the lender about the
 * borrower; one per author per loan. {@code aboutId} is null when the lender is the city.
 */
@Entity
@Table(name = "loan_reference")
@IdClass(LoanReference.Key.class)
public class LoanReference {
    /** Whom the reference is about, as they took part in the loan. */
    public enum Role { BORROWER, LENDER }

    @Id
    @Column(name = "loan_id")
    private String loanId;
    @Id
    @Column(name = "author_id")
    private String authorId;
    @Column(name = "about_id")
    private String aboutId;
    @Column(name = "about_role", nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Role aboutRole;
    @Column(nullable = false)
    private int rating;
    private String comment;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LoanReference() {
    }

    public LoanReference(String loanId, String authorId, String aboutId, Role aboutRole, int rating, String comment,
                         Instant now) {
        this.loanId = loanId;
        this.authorId = authorId;
        this.aboutId = aboutId;
        this.aboutRole = aboutRole;
        this.rating = rating;
        this.comment = comment;
        this.createdAt = now;
    }

    public String loanId() {
        return loanId;
    }

    public String authorId() {
        return authorId;
    }

    public String aboutId() {
        return aboutId;
    }

    public Role aboutRole() {
        return aboutRole;
    }

    public int rating() {
        return rating;
    }

    public String comment() {
        return comment;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The key: a loan and an author. */
    public static class Key implements Serializable {
        private String loanId;
        private String authorId;

        public Key() {
        }

        public Key(String loanId, String authorId) {
            this.loanId = loanId;
            this.authorId = authorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.loanId, loanId) && Objects.equals(k.authorId, authorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(loanId, authorId);
        }
    }
}
