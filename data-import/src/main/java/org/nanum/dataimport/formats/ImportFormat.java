package org.nanum.dataimport.formats;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.nanum.dataimport.ReadOptions;

/** The formats {@code ./nanum import FORMAT FILE} knows, by the name the command takes. */
public enum ImportFormat {
    LENDENGINE_ITEMS(LendEngineItemsReader.FORMAT, true, LendEngineItemsReader::new),
    MYTURN_ITEMS(MyTurnItemsReader.FORMAT, true, MyTurnItemsReader::new),
    LIBRARY_JSON(LibraryJsonReader.FORMAT, true, LibraryJsonReader::new),
    TIMEBANK_LISTINGS(TimebankListingsReader.FORMAT, true, TimebankListingsReader::new),
    LISTINGS_CSV(ListingsCsvReader.FORMAT, true, ListingsCsvReader::new),
    TIMEOVERFLOW_MEMBERS(TimeOverflowMembersReader.FORMAT, false, TimeOverflowMembersReader::new),
    TIMEOVERFLOW_POSTS(TimeOverflowPostsReader.FORMAT, true, TimeOverflowPostsReader::new),
    TIMEOVERFLOW_TRANSFERS(TimeOverflowTransfersReader.FORMAT, false, TimeOverflowTransfersReader::new);

    private final String formatName;
    private final boolean mapsCategories;
    private final Function<ReadOptions, FormatReader<?>> reader;

    ImportFormat(String formatName, boolean mapsCategories, Function<ReadOptions, FormatReader<?>> reader) {
        this.formatName = formatName;
        this.mapsCategories = mapsCategories;
        this.reader = reader;
    }

    public String formatName() {
        return formatName;
    }

    /** Whether the format has categories, and so a mapping file (mappings/NAME.tsv). */
    public boolean mapsCategories() {
        return mapsCategories;
    }

    public FormatReader<?> reader(ReadOptions options) {
        return reader.apply(options);
    }

    public static Optional<ImportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.formatName.equals(name)).findFirst();
    }
}
