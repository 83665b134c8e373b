package org.nanum.dataimport;

/** Thrown while turning one row into a record; the reader reports it and goes on with the next row. */
public final class RowException extends RuntimeException {
    private final RowError error;

    public RowException(RowError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public RowError error() {
        return error;
    }
}
