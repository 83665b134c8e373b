package org.nanum.dataimport.formats;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanum.dataimport.Cell;

/**
 * A loan period in days, as Nanum keeps it: "14", "14 days", "2 weeks", "14일", "2주". Nanum lends
 * for 1 to 90 days; a longer period is an error rather than silently shortened. 0 is how lending
 * software says "the library's default", so it is read as no period.
 */
final class LoanPeriods {
    private static final Pattern PERIOD = Pattern.compile("(\\d+)\\s*(d|days?|일|w|weeks?|주)?");

    private LoanPeriods() {
    }

    static Integer days(Cell cell) {
        String text = cell.orNull();
        if (text == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 6) {
            throw cell.fail("\"" + text + "\" is not a loan period; write a number of days");
        }
        String unit = m.group(2) == null ? "d" : m.group(2);
        int days = Integer.parseInt(m.group(1)) * (unit.startsWith("w") || unit.equals("주") ? 7 : 1);
        if (days == 0) {
            return null;
        }
        if (days > CatalogueLimits.MAX_LOAN_DAYS) {
            throw cell.fail(days + " days is longer than Nanum lends (at most " + CatalogueLimits.MAX_LOAN_DAYS + " days)");
        }
        return days;
    }
}
