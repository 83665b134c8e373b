package org.nanum.dataimport.formats;

import java.io.IOException;
import java.nio.file.Path;
import org.nanum.dataimport.ImportResult;

/** Reads one file of one format. Bad rows are in the result's errors; only a failing disk throws. */
public interface FormatReader<T> {

    ImportResult<T> read(Path file) throws IOException;
}
