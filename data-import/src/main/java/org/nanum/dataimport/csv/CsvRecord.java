package org.nanum.dataimport.csv;

import java.util.List;
import org.nanum.dataimport.Cell;
import org.nanum.dataimport.RowError;

/**
 * One record of a CSV file: the line it starts on and its values, or, when it could not be read
 * (bad bytes, a stray quote, too long, the wrong number of values), the problem and no values.
 */
public record CsvRecord(int line, List<String> values, RowError problem, CsvHeader header) {

    public boolean isBroken() {
        return problem != null;
    }

    /** The value of a column in this record; an absent column gives a cell with no text. */
    public Cell cell(Column column) {
        int index = header.indexOf(column);
        return new Cell(line, header.nameOf(column), index < 0 ? null : values.get(index));
    }
}
