package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.Condition;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.categories.CategoryMapping;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvHeader;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * Nanum's own listing CSV, for any source that has no format of its own: one listing per row in
 * the catalogue's terms, checked against the catalogue's rules here so that a city learns of a
 * wrong row before the server refuses it. The category is a Nanum code, or a source category that
 * the mapping file turns into one. Columns the format does not know are kept in {@code extra}
 * under their header name.
 */
public final class ListingsCsvReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "listings-csv";
    static final Column EXTERNAL_ID = Column.of("external_id");
    static final Column KIND = Column.of("kind");
    static final Column DIRECTION = Column.of("direction");
    static final Column TITLE = Column.of("title");
    static final Column DESCRIPTION = Column.of("description");
    static final Column CATEGORY = Column.of("category");
    static final Column CONDITION = Column.of("condition");
    static final Column REPLACEMENT_VALUE_KRW = Column.of("replacement_value_krw");
    static final Column LOAN_PERIOD_DAYS = Column.of("loan_period_days");
    static final Column DEPOSIT_KRW = Column.of("deposit_krw");
    static final Column OWNER = Column.of("owner_external_id");
    static final Column UPDATED_AT = Column.of("updated_at");
    static final List<Column> KNOWN = List.of(EXTERNAL_ID, KIND, DIRECTION, TITLE, DESCRIPTION, CATEGORY, CONDITION,
            REPLACEMENT_VALUE_KRW, LOAN_PERIOD_DAYS, DEPOSIT_KRW, OWNER, UPDATED_AT);

    private final ReadOptions options;

    public ListingsCsvReader(ReadOptions options) {
        this.options = Formats.requireMapping(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(EXTERNAL_ID, KIND, TITLE, DESCRIPTION, CATEGORY),
                this::listing, ',');
    }

    private ImportedListing listing(CsvRecord row) {
        ListingKind kind = oneOf(row.cell(KIND), ListingKind.class).orElseThrow(() -> row.cell(KIND).fail("is empty"));
        Direction direction = oneOf(row.cell(DIRECTION), Direction.class).orElse(Direction.OFFER);
        if (!kind.allows(direction)) {
            throw row.cell(DIRECTION).fail(kind + " listings can only be offered");
        }
        String title = row.cell(TITLE).required();
        if (title.length() > CatalogueLimits.MAX_TITLE) {
            throw row.cell(TITLE).fail("is " + title.length() + " characters long; at most " + CatalogueLimits.MAX_TITLE);
        }
        String description = Texts.description(row.cell(DESCRIPTION));
        if (description == null) {
            throw row.cell(DESCRIPTION).fail("is empty");
        }
        String category = row.cell(CATEGORY).required();
        ImportedListing.Builder listing = ImportedListing.builder(options.source(), row.cell(EXTERNAL_ID).required(),
                row.line());
        keepUnknownColumns(row, listing);
        return listing.kind(kind)
                .direction(direction)
                .title(title)
                .description(description)
                .sourceCategories(List.of(category))
                .nanumCategory(nanumCategory(row.cell(CATEGORY), category, kind))
                .condition(oneOf(row.cell(CONDITION), Condition.class).orElse(null))
                .replacementValueKrw(Amounts.wonOrKept(row.cell(REPLACEMENT_VALUE_KRW), "KRW", "replacementValue",
                        CatalogueLimits.MAX_REPLACEMENT_VALUE_KRW, listing))
                .loanPeriodDays(LoanPeriods.days(row.cell(LOAN_PERIOD_DAYS)))
                .depositKrw(Amounts.wonOrKept(row.cell(DEPOSIT_KRW), "KRW", "deposit", CatalogueLimits.MAX_DEPOSIT_KRW,
                        listing))
                .ownerExternalId(row.cell(OWNER).orNull())
                .sourceUpdatedAt(SourceDates.instant(row.cell(UPDATED_AT), options.zone()))
                .build();
    }

    /** A Nanum code is taken as it is (if its kind fits); anything else goes through the mapping. */
    private String nanumCategory(Cell cell, String category, ListingKind kind) {
        CategoryMapping mapping = options.mapping();
        Optional<ListingKind> kindOfCode = mapping.nanumCategories().kindOf(category);
        if (kindOfCode.isPresent() && kindOfCode.get() != kind) {
            throw cell.fail("\"" + category + "\" is a " + kindOfCode.get() + " category; this listing is " + kind);
        }
        return kindOfCode.isPresent() ? category : mapping.firstCodeOfKind(List.of(category), kind);
    }

    private static void keepUnknownColumns(CsvRecord row, ImportedListing.Builder listing) {
        CsvHeader header = row.header();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            if (KNOWN.stream().noneMatch(column -> header.indexOf(column) == index)) {
                listing.extra(header.nameAt(index), row.values().get(index));
            }
        }
    }

    private static <E extends Enum<E>> Optional<E> oneOf(Cell cell, Class<E> type) {
        String text = cell.orNull();
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw cell.fail("\"" + text + "\" is not one of " + List.of(type.getEnumConstants()));
        }
    }
}
