package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.Direction;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedListing;
import org.nanum.dataimport.ListingKind;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * Offers and requests of community time banks (the timebanks.org network's listings): a listing is
 * a time bank's {@code listing_id} within its {@code timebank}, and a scrape repeats it every day,
 * so the row listed last carries its current text. A listing whose categories mention child care
 * or babysitting is childcare; every other one is a service, offered or asked for.
 */
public final class TimebankListingsReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "timebank-listings";
    static final Column LISTING_ID = Column.of("listing_id");
    static final Column TIMEBANK = Column.of("timebank");
    static final Column TYPE = Column.of("type");
    static final Column DESCRIPTION = Column.of("description");
    static final Column CATEGORIES = Column.of("categories");
    static final Column LISTED_AT = Column.of("listed_at");

    private final ReadOptions options;

    public TimebankListingsReader(ReadOptions options) {
        this.options = Formats.requireMapping(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file,
                List.of(LISTING_ID, TIMEBANK, TYPE, DESCRIPTION, CATEGORIES, LISTED_AT), this::listing, ',');
    }

    private ImportedListing listing(CsvRecord row) {
        String timebank = row.cell(TIMEBANK).required();
        ImportedListing.Builder listing = ImportedListing.builder(options.source(),
                timebank + "/" + row.cell(LISTING_ID).required(), row.line());
        String text = Texts.description(row.cell(DESCRIPTION));
        if (text == null) {
            throw row.cell(DESCRIPTION).fail("is empty");
        }
        List<String> categories = CsvImport.split(row.cell(CATEGORIES).orNull(), ";");
        ListingKind kind = Childcare.mentionedIn(categories) ? ListingKind.CHILDCARE : ListingKind.SERVICE;
        return listing.kind(kind)
                .direction(direction(row.cell(TYPE)))
                .title(Texts.title(text))
                .description(text)
                .sourceCategories(categories)
                .nanumCategory(options.mapping().firstCodeOfKind(mostSpecificFirst(categories), kind))
                .sourceUpdatedAt(SourceDates.instant(row.cell(LISTED_AT), options.zone()))
                .extra("timebank", timebank)
                .build();
    }

    private static Direction direction(Cell type) {
        return switch (type.required().toLowerCase(Locale.ROOT)) {
            case "offer" -> Direction.OFFER;
            case "request" -> Direction.REQUEST;
            default -> throw type.fail("\"" + type.orNull() + "\" is neither offer nor request");
        };
    }

    /** "Education > Tutoring / Mentoring" says more than "Education": children are tried before parents. */
    private static List<String> mostSpecificFirst(List<String> categories) {
        List<String> ordered = new ArrayList<>(categories.stream().filter(c -> c.contains(">")).toList());
        categories.stream().filter(c -> !c.contains(">")).forEach(ordered::add);
        return ordered;
    }
}
