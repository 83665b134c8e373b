package org.nanum.dataimport.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of record sent to one endpoint of the import API, from one file: a plain import is one
 * step; {@code timeoverflow} is four (members, posts, transfers, then the members' balances),
 * each resumable on its own.
 *
 * @param what      the endpoint: listings, members, transfers or balances
 * @param format    the format (or {@code timeoverflow-balances}), as the resume state names it
 * @param file      the file the records were read from
 * @param fileLabel the file's name in the report's lines, null when the import has one file
 * @param stateStep what tells this step's state file from another step's of the same file, or null
 * @param records   the records' JSON, in the order read
 */
public record ImportStep(String what, String format, Path file, String fileLabel, String stateStep,
                         List<String> records) {

    public ImportStep {
        records = List.copyOf(records);
    }
}
