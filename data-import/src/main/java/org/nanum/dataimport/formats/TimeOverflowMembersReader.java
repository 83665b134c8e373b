package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.ImportedMember;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * TimeOverflow's member export (the English interface's headers): "N" is the member's number in
 * the time bank and the external id. Dates of birth, addresses, genders and descriptions are in
 * the full export but are not read: Nanum does not ask for them.
 */
public final class TimeOverflowMembersReader implements FormatReader<ImportedMember> {
    public static final String FORMAT = "timeoverflow-members";
    static final Column NUMBER = Column.of("N", "Member number", "Member uid");
    static final Column NAME = Column.of("Name", "Username");
    static final Column EMAIL = Column.of("Email");
    static final Column PHONE = Column.of("Phone");
    static final Column ALTERNATIVE_PHONE = Column.of("Alternative Phone", "Alt phone");
    static final Column CREATED = Column.of("Created", "Created at");
    static final Column LOCALE = Column.of("Locale", "Language");
    static final Column BALANCE = Column.of("Balance");

    private final ReadOptions options;

    public TimeOverflowMembersReader(ReadOptions options) {
        this.options = options;
    }

    @Override
    public ImportResult<ImportedMember> read(Path file) throws IOException {
        return CsvImport.read(FORMAT, options, file, List.of(NUMBER, NAME), this::member, ',');
    }

    private ImportedMember member(CsvRecord row) {
        String number = row.cell(NUMBER).required();
        if (!number.matches("\\d+")) {
            throw row.cell(NUMBER).fail("\"" + number + "\" is not a member number");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        putIfPresent(extra, "alternativePhone", row.cell(ALTERNATIVE_PHONE).orNull());
        putIfPresent(extra, "balance", row.cell(BALANCE).orNull());
        return new ImportedMember(options.source(), number, row.line(), row.cell(NAME).required(),
                row.cell(EMAIL).orNull(), row.cell(PHONE).orNull(), row.cell(LOCALE).orNull(),
                SourceDates.instant(row.cell(CREATED), options.zone()), extra);
    }

    private static void putIfPresent(Map<String, String> extra, String key, String value) {
        if (value != null) {
            extra.put(key, value);
        }
    }
}
