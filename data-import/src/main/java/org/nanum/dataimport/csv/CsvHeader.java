package org.nanum.dataimport.csv;

import java.util.List;

/** The names in a file's first record, and where each column a format reads sits. */
public final class CsvHeader {
    private final List<String> names;

    CsvHeader(List<String> names) {
        this.names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    /** Where the column is, or -1 when the file does not have it. */
    public int indexOf(Column column) {
        for (int i = 0; i < names.size(); i++) {
            if (column.matches(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(Column column) {
        return indexOf(column) >= 0;
    }

    /** The column's name as the file writes it (errors quote the file, not the format). */
    public String nameOf(Column column) {
        int index = indexOf(column);
        return index < 0 ? column.name() : names.get(index);
    }

    /** The name at a position, or null past the header's end. */
    public String nameAt(int index) {
        return index < names.size() ? names.get(index) : null;
    }

    public List<String> names() {
        return names;
    }
}
