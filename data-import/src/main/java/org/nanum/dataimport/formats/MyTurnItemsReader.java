package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * A myTurn item export. myTurn's column names vary with the export chosen, so each column is known
 * by its usual names ("Item Id" or "ID", "Default Loan Length" or "Loan Period"), matched ignoring
 * case and punctuation. Items are goods the library lends; the item type is tried first for the
 * category, then each category (several are separated by ',' or ';').
 */
public final class MyTurnItemsReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "myturn-items";
    static final Column ID = Column.of("Item Id", "Id", "Item Code");
    static final Column NAME = Column.of("Name", "Item Name", "Title");
    static final Column DESCRIPTION = Column.of("Description");
    static final Column ITEM_TYPE = Column.of("Item Type", "Type");
    static final Column CATEGORY = Column.of("Category", "Categories");
    static final Column CONDITION = Column.of("Condition");
    static final Column REPLACEMENT_COST = Column.of("Replacement Cost", "Replacement Value");
    static final Column LOAN_LENGTH = Column.of("Default Loan Length", "Loan Length", "Loan Period");
    static final Column LATE_FEE = Column.of("Late Fee", "Daily Late Fee");
    static final Column DEPOSIT = Column.of("Deposit", "Deposit Amount");
    static final Column LOCATION = Column.of("Location", "Location Code");
    static final Column MANUFACTURER = Column.of("Manufacturer", "Brand");
    static final Column MODEL = Column.of("Model");
    static final Column SERIAL = Column.of("Serial Number", "Serial");
    static final Column STATUS = Column.of("Status");

    private final ReadOptions options;

    public MyTurnItemsReader(ReadOptions options) {
        this.options = Formats.requireCurrency(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(ID, NAME), this::listing, ',');
    }

    private ImportedListing listing(CsvRecord row) {
        String currency = options.currency();
        ImportedListing.Builder listing = ImportedListing.builder(options.source(), row.cell(ID).required(), row.line());
        List<String> categories = new ArrayList<>(CsvImport.split(row.cell(ITEM_TYPE).orNull(), ""));
        CsvImport.split(row.cell(CATEGORY).orNull(), ",;").stream().filter(c -> !categories.contains(c))
                .forEach(categories::add);
        Integer value = Amounts.wonOrKept(row.cell(REPLACEMENT_COST), currency, "replacementValue",
                CatalogueLimits.MAX_REPLACEMENT_VALUE_KRW, listing);
        Integer deposit = Amounts.wonOrKept(row.cell(DEPOSIT), currency, "deposit", CatalogueLimits.MAX_DEPOSIT_KRW, listing);
        Amounts.keep(row.cell(LATE_FEE), currency, "lateFeePerDay", listing);
        return listing.kind(ListingKind.GOODS)
                .title(Texts.title(row.cell(NAME).required()))
                .description(Texts.description(row.cell(DESCRIPTION)))
                .sourceCategories(categories)
                .nanumCategory(options.mapping().firstCodeOfKind(categories, ListingKind.GOODS))
                .condition(Conditions.of(row.cell(CONDITION)))
                .replacementValueKrw(value)
                .depositKrw(deposit)
                .loanPeriodDays(LoanPeriods.days(row.cell(LOAN_LENGTH)))
                .extra("location", row.cell(LOCATION).orNull())
                .extra("brand", row.cell(MANUFACTURER).orNull())
                .extra("model", row.cell(MODEL).orNull())
                .extra("serial", row.cell(SERIAL).orNull())
                .extra("status", row.cell(STATUS).orNull())
                .build();
    }
}
