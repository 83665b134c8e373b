package org.nanum.dataimport;

import java.util.List;

/**
 * What a reader made of one file: the records (one per external id, in the order first read), how
 * many rows it read (the header not counted), the rows it could not read, the repeated rows it
 * merged and, for listings, the categories it could not map.
 */
public record ImportResult<T>(String format, String source, List<T> records, int rowsRead, List<RowError> errors,
                              List<Merge> merges, UnmappedCategories unmapped) {

    public ImportResult {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
        merges = List.copyOf(merges);
    }

    /** The result of a reader that kept its records in {@code duplicates}; listings get their unmapped categories. */
    public static <R extends Record & Imported<R>> ImportResult<R> of(String format, String source, Duplicates<R> duplicates,
                                                                     int rowsRead, List<RowError> errors) {
        List<R> records = duplicates.records();
        List<ImportedListing> listings = records.stream()
                .filter(ImportedListing.class::isInstance).map(ImportedListing.class::cast).toList();
        UnmappedCategories unmapped = listings.isEmpty() ? UnmappedCategories.NONE : UnmappedCategories.of(listings);
        return new ImportResult<>(format, source, records, rowsRead, errors, duplicates.merges(), unmapped);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
