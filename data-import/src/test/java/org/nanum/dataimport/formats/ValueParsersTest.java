package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.Condition;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.RowException;

/** Amounts, conditions, loan periods and titles, read the same way by every format. */
class ValueParsersTest {

    @Test
    void wonAmountsBecomeNanumsAndOtherCurrenciesAreKeptAsWrittenUnderTheirName() {
        ImportedListing.Builder listing = ImportedListing.builder("test", "1", 2);

        assertEquals(45_000, Amounts.wonOrKept(cell("₩45,000"), "KRW", "replacementValue", 100_000_000, listing));
        assertEquals(45_000, Amounts.wonOrKept(cell("45,000원"), "KRW", "replacementValue", 100_000_000, listing));
        assertNull(Amounts.wonOrKept(cell("$1,299.90"), "USD", "replacementValue", 100_000_000, listing));
        Amounts.keep(cell("2.50"), "GBP", "loanFee", listing);

        assertEquals(Map.of("replacementValue.USD", "1299.90", "loanFee.GBP", "2.50"), listing.build().extra());
    }

    @Test
    void amountsThatCannotBeReadSafelyAreErrors() {
        ImportedListing.Builder listing = ImportedListing.builder("test", "1", 2);

        assertEquals("\"12,5\" is not an amount; write it like 1234.50 (a point before decimals)", reason(
                () -> Amounts.wonOrKept(cell("12,5"), "KRW", "v", 100, listing)));
        assertEquals("\"€12\" is not in GBP, the currency given for this file",
                reason(() -> Amounts.keep(cell("€12"), "GBP", "v", listing)));
        assertEquals("\"1200.50\" has a fraction of a won; is the file's currency really KRW?",
                reason(() -> Amounts.wonOrKept(cell("1200.50"), "KRW", "v", 100_000_000, listing)));
        assertEquals("\"-5\" is negative; an amount cannot be", reason(() -> Amounts.keep(cell("-5"), "KRW", "v", listing)));
        assertEquals("200000000 won is more than Nanum accepts (100,000,000)",
                reason(() -> Amounts.wonOrKept(cell("200000000"), "KRW", "v", 100_000_000, listing)));
    }

    @Test
    void conditionsInTheWordsOfLendingSoftware() {
        assertEquals(Condition.NEW, Conditions.of(cell("A - As new")));
        assertEquals(Condition.GOOD, Conditions.of(cell("Very good")));
        assertEquals(Condition.FAIR, Conditions.of(cell("fair")));
        assertEquals(Condition.WORN, Conditions.of(cell("Poor")));
        assertNull(Conditions.of(cell("")));
        assertEquals("\"Shiny\" is not a condition this import knows; use New, Good, Fair or Worn",
                reason(() -> Conditions.of(cell("Shiny"))));
    }

    @Test
    void loanPeriodsInDaysWithinNanumsNinetyDays() {
        assertEquals(14, LoanPeriods.days(cell("14")));
        assertEquals(14, LoanPeriods.days(cell("2 weeks")));
        assertEquals(7, LoanPeriods.days(cell("7일")));
        assertNull(LoanPeriods.days(cell("0")), "0 is the library's default");
        assertEquals("120 days is longer than Nanum lends (at most 90 days)", reason(() -> LoanPeriods.days(cell("120"))));
        assertEquals("\"a fortnight\" is not a loan period; write a number of days",
                reason(() -> LoanPeriods.days(cell("a fortnight"))));
    }

    @Test
    void titlesAreTheFirstLineShortenedAtAWord() {
        assertEquals("Tutoring", Texts.title("  Tutoring\nmaths and physics"));
        String title = Texts.title("word ".repeat(40));
        assertEquals(120, title.length(), title);
        assertEquals("…", title.substring(title.length() - 1));
    }

    private static Cell cell(String text) {
        return new Cell(3, "Value", text);
    }

    private static String reason(Runnable parse) {
        return assertThrows(RowException.class, parse::run).error().reason();
    }
}
