package org.nanum.dataimport.formats;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.ImportedListing;

/**
 * Amounts of money as exports write them: digits with a decimal point, thousands commas and a
 * currency sign ("$1,299.00", "45000", "₩45,000", "45,000원"). Nanum counts in won: an amount
 * becomes a Nanum amount only when the source's currency is KRW; in any other currency it is kept
 * as written under a key that names the currency ("replacementValue.USD"), for staff to decide,
 * because converting at some day's rate would quietly make up a value.
 */
final class Amounts {
    private static final Pattern AMOUNT = Pattern.compile(
            "([$£€₩¥])?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(원|[A-Za-z]{3})?");
    private static final Map<String, String> SIGNS = Map.of("£", "GBP", "€", "EUR", "₩", "KRW", "원", "KRW");

    private Amounts() {
    }

    /** A won amount for one of Nanum's fields when the source counts in won; otherwise kept in extra and null. */
    static Integer wonOrKept(Cell cell, String currency, String key, int max, ImportedListing.Builder listing) {
        BigDecimal amount = parse(cell, currency);
        if (amount == null) {
            return null;
        }
        if (!currency.equals("KRW")) {
            listing.extra(key + "." + currency, amount.toPlainString());
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 0) {
            throw cell.fail("\"" + cell.orNull() + "\" has a fraction of a won; is the file's currency really KRW?");
        }
        if (amount.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw cell.fail(String.format("%s won is more than Nanum accepts (%,d)", amount.toPlainString(), max));
        }
        return amount.intValueExact();
    }

    /** An amount Nanum has no field for (fees, the price paid), kept as written under a key naming the currency. */
    static void keep(Cell cell, String currency, String key, ImportedListing.Builder listing) {
        BigDecimal amount = parse(cell, currency);
        if (amount != null) {
            listing.extra(key + "." + currency, amount.toPlainString());
        }
    }

    static BigDecimal parse(Cell cell, String currency) {
        String text = cell.orNull();
        if (text == null) {
            return null;
        }
        if (text.startsWith("-")) {
            throw cell.fail("\"" + text + "\" is negative; an amount cannot be");
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw cell.fail("\"" + text + "\" is not an amount; write it like 1234.50 (a point before decimals)");
        }
        String written = m.group(1) != null ? m.group(1) : m.group(4);
        if (written != null && !matchesCurrency(written, currency)) {
            throw cell.fail("\"" + text + "\" is not in " + currency + ", the currency given for this file");
        }
        return new BigDecimal(m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
    }

    private static boolean matchesCurrency(String written, String currency) {
        if (written.equals("$")) {
            return currency.endsWith("D"); // USD, CAD, AUD, NZD...: every dollar writes "$"
        }
        if (written.equals("¥")) {
            return currency.equals("JPY") || currency.equals("CNY");
        }
        return currency.equalsIgnoreCase(SIGNS.getOrDefault(written, written));
    }
}
