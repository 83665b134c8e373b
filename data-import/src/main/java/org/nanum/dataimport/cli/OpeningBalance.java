package org.nanum.dataimport.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.RowError;

/**
 * A time-bank member's balance in the source, in whole minutes, sent after the transfers
 * ({@code POST /api/import/balances}) so that the server can open the member's account where the
 * old time bank left it. The members reader keeps the balance as written ({@code extra.balance}):
 * hours, as TimeOverflow writes them ({@code 1.5}, {@code 1:30}), possibly negative.
 */
public record OpeningBalance(String externalId, int line, int minutes) {

    private static final Pattern HOURS_AND_MINUTES = Pattern.compile("([-+]?)(\\d{1,7}):([0-5]\\d)");
    private static final Pattern DECIMAL_HOURS = Pattern.compile("[-+]?\\d{1,7}(\\.\\d+)?");

    /** What {@link #of} makes of the members: the balances, and the rows whose balance is not a time. */
    public record Balances(List<OpeningBalance> balances, List<RowError> errors) {
        public Balances {
            balances = List.copyOf(balances);
            errors = List.copyOf(errors);
        }
    }

    /** The balances of the members that have one, in the members' order; a member without one is not sent. */
    public static Balances of(List<ImportedMember> members) {
        List<OpeningBalance> balances = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (ImportedMember member : members) {
            String balance = member.extra().get("balance");
            if (balance == null || balance.isBlank()) {
                continue;
            }
            Integer minutes = minutes(balance);
            if (minutes == null) {
                errors.add(new RowError(member.line(), "Balance",
                        "\"" + balance + "\" is not a time; the balance is not imported (hours as 1.5, 1:30 or -2)"));
            } else {
                balances.add(new OpeningBalance(member.externalId(), member.line(), minutes));
            }
        }
        return new Balances(balances, errors);
    }

    /** Hours ({@code 1.5}, {@code -2}) or hours and minutes ({@code 1:30}, {@code -0:45}) in whole minutes; null if neither. */
    static Integer minutes(String hours) {
        String text = hours.strip();
        Matcher hm = HOURS_AND_MINUTES.matcher(text);
        if (hm.matches()) {
            int minutes = Integer.parseInt(hm.group(2)) * 60 + Integer.parseInt(hm.group(3));
            return hm.group(1).equals("-") ? -minutes : minutes;
        }
        if (DECIMAL_HOURS.matcher(text).matches()) {
            return new BigDecimal(text).multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        }
        return null;
    }
}
