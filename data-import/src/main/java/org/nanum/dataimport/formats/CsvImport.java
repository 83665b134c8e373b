package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nanum.dataimport.Duplicates;
import org.nanum.dataimport.ImportResult;
import org.nanum.dataimport.Imported;
import org.nanum.dataimport.ReadOptions;
import org.nanum.dataimport.RowError;
import org.nanum.dataimport.RowException;
import org.nanum.dataimport.UnreadableFileException;
import org.nanum.dataimport.csv.Column;
import org.nanum.dataimport.csv.CsvReader;
import org.nanum.dataimport.csv.CsvRecord;

/**
 * What every CSV format does around its own rows: check the header, read each record, report a
 * broken one or one its row reader rejects, and merge records that repeat an external id.
 */
final class CsvImport {

    /** Turns one good record into one record of the format, or throws a {@link RowException}. */
    interface RowReader<T> {
        T read(CsvRecord record);
    }

    private CsvImport() {
    }

    static <T extends Record & Imported<T>> ImportResult<T> read(String format, ReadOptions options, Path file,
                                                                 List<Column> required, RowReader<T> rows,
                                                                 char... delimiters) throws IOException {
        Duplicates<T> duplicates = new Duplicates<>();
        List<RowError> errors = new ArrayList<>();
        int rowsRead = 0;
        try (CsvReader csv = CsvReader.open(file, options.maxRecordBytes(), delimiters)) {
            csv.readHeader(required);
            for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
                rowsRead++;
                if (record.isBroken()) {
                    errors.add(record.problem());
                    continue;
                }
                try {
                    duplicates.add(rows.read(record));
                } catch (RowException e) {
                    errors.add(e.error());
                }
            }
        } catch (UnreadableFileException e) {
            errors.add(e.error());
        }
        return ImportResult.of(format, options.source(), duplicates, rowsRead, errors);
    }

    /** The distinct, non-empty names in a text, split at any of the separators (none: the text is one name). */
    static List<String> split(String text, String separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (separators.isEmpty()) {
            return List.of(text.strip());
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[" + separators + "]")) {
            String name = part.strip();
            if (!name.isEmpty() && !parts.contains(name)) {
                parts.add(name);
            }
        }
        return parts;
    }
}
