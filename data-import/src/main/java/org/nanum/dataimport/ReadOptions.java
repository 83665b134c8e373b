package org.nanum.dataimport;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import org.nanum.dataimport.categories.CategoryMapping;
import org.nanum.dataimport.csv.CsvReader;

/**
 * How to read one file: the source's name (the first half of every external id), the category
 * mapping, the currency the source's amounts are in (never guessed), the time zone of times
 * written without one, and the largest record a CSV file may have.
 */
public record ReadOptions(String source, CategoryMapping mapping, String currency, ZoneId zone, int maxRecordBytes) {

    public ReadOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(zone, "zone");
        if (currency != null) {
            currency = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("the record limit must be at least one byte");
        }
    }

    /** Times without a zone are taken as UTC; records up to 1 MiB; no mapping and no currency yet. */
    public static ReadOptions of(String source) {
        return new ReadOptions(source, null, null, ZoneOffset.UTC, CsvReader.DEFAULT_MAX_RECORD_BYTES);
    }

    public ReadOptions withMapping(CategoryMapping mapping) {
        return new ReadOptions(source, mapping, currency, zone, maxRecordBytes);
    }

    public ReadOptions withCurrency(String currency) {
        return new ReadOptions(source, mapping, currency, zone, maxRecordBytes);
    }

    public ReadOptions withZone(ZoneId zone) {
        return new ReadOptions(source, mapping, currency, zone, maxRecordBytes);
    }

    public ReadOptions withMaxRecordBytes(int maxRecordBytes) {
        return new ReadOptions(source, mapping, currency, zone, maxRecordBytes);
    }
}
