package org.nanum.dataimport;

/**
 * One problem with one row of a source file, said so that the person who exported the file can
 * fix it: the line (where the row starts, or where a bad byte sits), the column as the file names
 * it (null when the problem is the whole row) and the reason.
 */
public record RowError(int line, String column, String reason) {

    @Override
    public String toString() {
        return column == null
                ? "line " + line + ": " + reason
                : "line " + line + ", column \"" + column + "\": " + reason;
    }
}
