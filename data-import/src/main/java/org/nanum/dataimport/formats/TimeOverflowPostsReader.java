package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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
 * TimeOverflow's post export: offers and inquiries of a time bank's members. A post is a service
 * its member ("N") offers or asks for, or childcare when its category says so; "Id" is the
 * external id.
 */
public final class TimeOverflowPostsReader implements FormatReader<ImportedListing> {
    public static final String FORMAT = "timeoverflow-posts";
    static final Column ID = Column.of("Id");
    static final Column TITLE = Column.of("Title");
    static final Column DESCRIPTION = Column.of("Description");
    static final Column CATEGORY = Column.of("Category");
    static final Column TYPE = Column.of("Type");
    static final Column MEMBER = Column.of("N", "Member number");
    static final Column CREATED = Column.of("Created", "Created at");
    static final Column UPDATED = Column.of("Updated", "Updated at");
    static final Column TAGS = Column.of("Tags");

    private final ReadOptions options;

    public TimeOverflowPostsReader(ReadOptions options) {
        this.options = Formats.requireMapping(FORMAT, options);
    }

    @Override
    public ImportResult<ImportedListing> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(ID, TITLE, TYPE, MEMBER), this::listing, ',');
    }

    private ImportedListing listing(CsvRecord row) {
        List<String> categories = CsvImport.split(row.cell(CATEGORY).orNull(), "");
        ListingKind kind = Childcare.mentionedIn(categories) ? ListingKind.CHILDCARE : ListingKind.SERVICE;
        Instant created = SourceDates.instant(row.cell(CREATED), options.zone());
        Instant updated = SourceDates.instant(row.cell(UPDATED), options.zone());
        return ImportedListing.builder(options.source(), row.cell(ID).required(), row.line())
                .kind(kind)
                .direction(direction(row.cell(TYPE)))
                .title(Texts.title(row.cell(TITLE).required()))
                .description(Texts.description(row.cell(DESCRIPTION)))
                .sourceCategories(categories)
                .nanumCategory(options.mapping().firstCodeOfKind(categories, kind))
                .ownerExternalId(row.cell(MEMBER).required())
                .sourceUpdatedAt(updated != null ? updated : created)
                .extra("tags", row.cell(TAGS).orNull())
                .build();
    }

    private static Direction direction(Cell type) {
        return switch (type.required().toLowerCase(Locale.ROOT)) {
            case "offer" -> Direction.OFFER;
            case "inquiry", "request" -> Direction.REQUEST;
            default -> throw type.fail("\"" + type.orNull() + "\" is neither Offer nor Inquiry");
        };
    }
}
