package org.nanum.lending.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** One day an item is lent, held by an approved or out loan. Its key is the rule: lent once a day. */
@Entity
@Table(name = "loan_day")
@IdClass(LoanDay.Key.class)
public class LoanDay {
    @Id
    @Column(name = "listing_id")
    private String listingId;
    @Id
    @Column(name = "lent_day")
    private LocalDate day;
    @Column(name = "loan_id", nullable = false)
    private String loanId;

    protected LoanDay() {
    }

    public LocalDate day() {
        return day;
    }

    public String loanId() {
        return loanId;
    }

    /** The key: an item and a day. */
    public static class Key implements Serializable {
        private String listingId;
        private LocalDate day;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.listingId, listingId) && Objects.equals(k.day, day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listingId, day);
        }
    }
}
