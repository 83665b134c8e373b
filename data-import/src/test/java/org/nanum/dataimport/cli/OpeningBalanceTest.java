package org.nanum.dataimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.RowError;

/** TimeOverflow's balances (hours) as whole minutes; members without one send nothing. */
class OpeningBalanceTest {

    private static ImportedMember member(String id, int line, String balance) {
        return new ImportedMember("timeoverflow", id, line, "M" + id, null, null, null, null,
                balance == null ? Map.of() : Map.of("balance", balance));
    }

    @Test
    void hoursInEitherWritingAndNegative() {
        assertEquals(90, OpeningBalance.minutes("1.5"));
        assertEquals(90, OpeningBalance.minutes("1:30"));
        assertEquals(-90, OpeningBalance.minutes("-1:30"));
        assertEquals(-120, OpeningBalance.minutes("-2"));
        assertEquals(0, OpeningBalance.minutes("0"));
        assertEquals(20, OpeningBalance.minutes("0.33"));
        assertNull(OpeningBalance.minutes("1:75"));
        assertNull(OpeningBalance.minutes("lots"));
        assertNull(OpeningBalance.minutes("99999999999"));
    }

    @Test
    void membersWithoutABalanceAreNotSentAndBadOnesAreErrors() {
        OpeningBalance.Balances balances = OpeningBalance.of(List.of(member("1", 2, "3:30"), member("2", 3, null),
                member("3", 4, "-0.25"), member("4", 5, "n/a")));

        assertEquals(List.of(new OpeningBalance("1", 2, 210), new OpeningBalance("3", 4, -15)), balances.balances());
        assertEquals(List.of(new RowError(5, "Balance",
                "\"n/a\" is not a time; the balance is not imported (hours as 1.5, 1:30 or -2)")), balances.errors());
    }
}
