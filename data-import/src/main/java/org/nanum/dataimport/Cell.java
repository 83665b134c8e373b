package org.nanum.dataimport;

/**
 * One value of one row with where it came from, so that whatever parses it can say exactly what
 * is wrong and where. {@code text} is null when the column is absent.
 */
public record Cell(int line, String column, String text) {

    public boolean isEmpty() {
        return text == null || text.isBlank();
    }

    /** The value without surrounding blanks, or null when there is none. */
    public String orNull() {
        return isEmpty() ? null : text.strip();
    }

    public String required() {
        if (isEmpty()) {
            throw fail("is empty");
        }
        return text.strip();
    }

    public RowException fail(String reason) {
        return new RowException(new RowError(line, column, reason));
    }
}
