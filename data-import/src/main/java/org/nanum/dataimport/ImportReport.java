package org.nanum.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report a city reads after a run: a summary line, then one line per problem, merge and
 * unmapped category, each starting with a word to search for (ERROR, MERGED, UNMAPPED).
 */
public final class ImportReport {

    private ImportReport() {
    }

    public static List<String> lines(ImportResult<?> result, String file) {
        List<String> lines = new ArrayList<>();
        String summary = String.format("%s %s (source \"%s\"): %d rows read, %d records, %d repeated rows merged, %d errors",
                result.format(), file, result.source(), result.rowsRead(), result.records().size(),
                result.merges().size(), result.errors().size());
        if (result.unmapped().listings() > 0) {
            summary += String.format(", %d listings without a Nanum category (%d source categories unmapped)",
                    result.unmapped().listings(), result.unmapped().categories());
        }
        lines.add(summary);
        result.errors().forEach(error -> lines.add("ERROR " + error));
        result.merges().forEach(merge -> lines.add("MERGED " + merge));
        for (Map.Entry<String, Integer> category : result.unmapped().counts().entrySet()) {
            lines.add("UNMAPPED " + category.getValue() + (category.getValue() == 1 ? " listing: " : " listings: ")
                    + category.getKey());
        }
        return lines;
    }
}
