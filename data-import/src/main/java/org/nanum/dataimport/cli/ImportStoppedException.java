package org.nanum.dataimport.cli;

/**
 * The import cannot go on: no sign-in, no server, or the server refused a whole batch. The
 * message says what happened in words a city's staff can act on (exit 3); it never holds a token
 * or a password.
 */
public final class ImportStoppedException extends Exception {

    public ImportStoppedException(String message) {
        super(message);
    }

    public ImportStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
