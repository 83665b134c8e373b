package org.nanum.dataimport.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.RowException;

class SourceDatesTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2019-01-22T10:14:55Z          | 2019-01-22T10:14:55Z",
            "2019-01-22T10:14:55+09:00     | 2019-01-22T01:14:55Z",
            "2019-01-22T10:14:55.250       | 2019-01-22T01:14:55.250Z",
            "2019-01-22 10:14:55           | 2019-01-22T01:14:55Z",
            "2019-01-22 10:14:55 UTC       | 2019-01-22T10:14:55Z",
            "2019-01-22 10:14:55 +0100     | 2019-01-22T09:14:55Z",
            "2019-01-22 10:14              | 2019-01-22T01:14:00Z",
            "2019-01-22                    | 2019-01-21T15:00:00Z",
            "2019.01.22                    | 2019-01-21T15:00:00Z",
            "2019. 1. 22.                  | ",
            "2019/1/22                     | 2019-01-21T15:00:00Z",
            "22/01/2019                    | 2019-01-21T15:00:00Z",
            "01/22/2019                    | 2019-01-21T15:00:00Z",
            "05/05/2019 18:30              | 2019-05-05T09:30:00Z"})
    void readsTheFormatsRealExportsUse(String text, String expected) {
        if (expected == null) {
            assertThrows(RowException.class, () -> SourceDates.instant(cell(text), SEOUL));
            return;
        }
        assertEquals(Instant.parse(expected), SourceDates.instant(cell(text), SEOUL));
    }

    @Test
    void anAmbiguousDayAndMonthIsAnErrorNamingTheColumn() {
        RowError error = assertThrows(RowException.class, () -> SourceDates.instant(cell("03/04/2019"), SEOUL)).error();

        assertEquals(new RowError(7, "listed_at",
                "\"03/04/2019\" could be day/month or month/day; write it as 2019-01-22 or 2019-01-22 14:30:00"), error);
    }

    @Test
    void oddOrImpossibleDatesAreErrors() {
        assertEquals("\"22-01-19\" is not a date in a format this import knows; write it as 2019-01-22 or 2019-01-22 14:30:00",
                assertThrows(RowException.class, () -> SourceDates.instant(cell("22-01-19"), SEOUL)).error().reason());
        assertEquals("\"Jan 22, 2019\" is not a date in a format this import knows; write it as 2019-01-22 or 2019-01-22 14:30:00",
                assertThrows(RowException.class, () -> SourceDates.instant(cell("Jan 22, 2019"), SEOUL)).error().reason());
        assertEquals("\"2019-02-30 10:00:00\" is not a real date or time (Invalid date 'FEBRUARY 30')",
                assertThrows(RowException.class, () -> SourceDates.instant(cell("2019-02-30 10:00:00"), SEOUL)).error().reason());
        assertThrows(RowException.class, () -> SourceDates.instant(cell("2019-01-22 25:00"), SEOUL));
        assertThrows(RowException.class, () -> SourceDates.instant(cell("13/13/2019"), SEOUL));
    }

    @Test
    void anEmptyValueIsNoDate() {
        assertNull(SourceDates.instant(cell("  "), SEOUL));
    }

    private static Cell cell(String text) {
        return new Cell(7, "listed_at", text);
    }
}
