package org.nanum.dataimport.categories;

import java.util.List;
import java.util.stream.Collectors;
import org.nanum.dataimport.RowError;

/** A mapping file with lines that cannot be used; every such line is listed, not only the first. */
public final class InvalidMappingFileException extends Exception {
    private final List<RowError> errors;

    public InvalidMappingFileException(String file, List<RowError> errors) {
        super(file + ":\n" + errors.stream().map(RowError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
