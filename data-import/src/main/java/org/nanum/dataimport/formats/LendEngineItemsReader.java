package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * A Lend Engine inventory: its item export (comma-separated, with "Type", "Tags", "Value (RRP)")
 * or a file in its item import layout (tab-separated, with "Category", "Value", "Reservable").
 * Items are goods the library lends; "Code" is the external id. The item type (from Lend Engine's
 * item-type taxonomy) is tried first for the category, then each tag.
 */
public final class LendEngineItemsReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "lendengine-items";
    static final Column CODE = Column.of("Code");
    static final Column NAME = Column.of("Name");
    static final Column SHORT_DESCRIPTION = Column.of("Short description");
    static final Column LONG_DESCRIPTION = Column.of("Long description");
    static final Column COMPONENTS = Column.of("Components");
    static final Column CARE = Column.of("Care information");
    static final Column SERIAL = Column.of("Serial", "Serial number");
    static final Column CONDITION = Column.of("Condition");
    static final Column TYPE = Column.of("Type", "Item type");
    static final Column CATEGORY = Column.of("Category", "Tags");
    static final Column BRAND = Column.of("Brand");
    static final Column PRICE_PAID = Column.of("Price paid");
    static final Column VALUE = Column.of("Value", "Value (RRP)");
    static final Column LOAN_FEE = Column.of("Loan fee");
    static final Column LOAN_PERIOD = Column.of("Loan period");
    static final Column KEYWORDS = Column.of("Keywords");
    static final Column RESERVABLE = Column.of("Reservable");
    static final Column LOCATION = Column.of("Location");
    static final Column ADDED_ON = Column.of("Added on");
    static final Column SHOWN_ON_WEBSITE = Column.of("Shown on website");
    static final Column OWNED_BY = Column.of("Owned by");
    static final Column DONATED_BY = Column.of("Donated by");

    private final ReadOptions options;

    public LendEngineItemsReader(ReadOptions options) {
        this.options = Formats.requireCurrency(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(CODE, NAME), this::listing, ',', '\t');
    }

    private ImportedListing listing(CsvRecord row) {
        String currency = options.currency();
        ImportedListing.Builder listing = ImportedListing.builder(options.source(), row.cell(CODE).required(), row.line());
        List<String> categories = new ArrayList<>(CsvImport.split(row.cell(TYPE).orNull(), ""));
        CsvImport.split(row.cell(CATEGORY).orNull(), ",").stream().filter(tag -> !categories.contains(tag))
                .forEach(categories::add);
        Integer value = Amounts.wonOrKept(row.cell(VALUE), currency, "replacementValue",
                CatalogueLimits.MAX_REPLACEMENT_VALUE_KRW, listing);
        Amounts.keep(row.cell(PRICE_PAID), currency, "pricePaid", listing);
        Amounts.keep(row.cell(LOAN_FEE), currency, "loanFee", listing);
        Instant addedOn = SourceDates.instant(row.cell(ADDED_ON), options.zone());
        return listing.kind(ListingKind.GOODS)
                .title(Texts.title(row.cell(NAME).required()))
                .description(description(row))
                .sourceCategories(categories)
                .nanumCategory(options.mapping().firstCodeOfKind(categories, ListingKind.GOODS))
                .condition(Conditions.of(row.cell(CONDITION)))
                .replacementValueKrw(value)
                .loanPeriodDays(LoanPeriods.days(row.cell(LOAN_PERIOD)))
                .extra("addedOn", addedOn == null ? null : addedOn.toString())
                .extra("brand", row.cell(BRAND).orNull())
                .extra("serial", row.cell(SERIAL).orNull())
                .extra("components", withLineBreaks(row.cell(COMPONENTS).orNull()))
                .extra("careInformation", withLineBreaks(row.cell(CARE).orNull()))
                .extra("keywords", row.cell(KEYWORDS).orNull())
                .extra("reservable", row.cell(RESERVABLE).orNull())
                .extra("location", row.cell(LOCATION).orNull())
                .extra("shownOnWebsite", row.cell(SHOWN_ON_WEBSITE).orNull())
                .extra("ownedBy", row.cell(OWNED_BY).orNull())
                .extra("donatedBy", row.cell(DONATED_BY).orNull())
                .build();
    }

    /** The short description, then the long one: Lend Engine shows both, and Nanum has one description. */
    private static String description(CsvRecord row) {
        String brief = row.cell(SHORT_DESCRIPTION).orNull();
        String full = withLineBreaks(Texts.description(row.cell(LONG_DESCRIPTION)));
        String text = brief == null ? full : full == null ? brief : brief + "\n\n" + full;
        if (text != null && text.length() > CatalogueLimits.MAX_DESCRIPTION) {
            throw row.cell(LONG_DESCRIPTION).fail("with the short description, is " + text.length()
                    + " characters long; Nanum keeps at most " + CatalogueLimits.MAX_DESCRIPTION);
        }
        return text;
    }

    /** Lend Engine's export writes line breaks as {@code <br>}; Nanum's descriptions are plain text. */
    private static String withLineBreaks(String text) {
        return text == null ? null : text.replaceAll("(?i)<br\\s*/?>", "\n").strip();
    }
}
