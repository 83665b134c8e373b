package org.nanum.dataimport.cli;

/**
 * What the command's exit status tells a script that runs it. Records held for staff review are
 * imported, so they are a success; rows that could not be read or were refused by the server are
 * not, but the rest of the file was imported all the same (1). Nothing sent (2) and a stop midway
 * (3) are told apart because only the second may need a resume.
 */
public enum ExitCode {
    /** Everything read and imported (records held for review included). */
    OK(0),
    /** Finished, but some rows had errors, in the reader or on the server: see the report. */
    ROW_ERRORS(1),
    /** Bad usage, or the file or mapping was refused before anything was sent. */
    USAGE(2),
    /** Could not sign in, could not reach the server, or the server refused a batch. */
    SERVER(3),
    /** Interrupted (Ctrl-C): run the same command again to resume. */
    INTERRUPTED(130);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The exit code of an import that ran to its end: errors in rows, from either side, make it 1. */
    public static ExitCode afterImport(int readerErrors, int serverErrors) {
        return readerErrors + serverErrors > 0 ? ROW_ERRORS : OK;
    }
}
