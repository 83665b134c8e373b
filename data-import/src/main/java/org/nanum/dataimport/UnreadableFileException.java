package org.nanum.dataimport;

/**
 * The file as a whole cannot be read as its format (wrong delimiter, missing columns, UTF-16,
 * broken JSON): reported like a row error, at the line where it shows, and no further row is read.
 */
public final class UnreadableFileException extends Exception {
    private final RowError error;

    public UnreadableFileException(RowError error) {
        super(error.toString());
        this.error = error;
    }

    public RowError error() {
        return error;
    }
}
