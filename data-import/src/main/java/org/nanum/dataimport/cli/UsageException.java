package org.nanum.dataimport.cli;

/** The command line cannot be run as given; the message says why, and the usage follows it (exit 2). */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
