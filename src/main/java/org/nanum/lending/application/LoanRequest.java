package org.nanum.lending.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Asking to borrow an item from one day to another (inclusive, the city's calendar), with a word to the lender. */
public record LoanRequest(@NotBlank(message = "say which item") @Size(max = 36) String itemId,
                          @NotNull(message = "give the first day") LocalDate firstDay,
                          @NotNull(message = "give the last day") LocalDate lastDay,
                          @Size(max = 500, message = "at most 500 characters") String message) {
}
