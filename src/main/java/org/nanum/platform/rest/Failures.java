package org.nanum.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells what kind of failure an exception is by looking through its causes: the container
 * wraps the interesting one (a PSQLException inside an EclipseLink exception inside a
 * RollbackException inside a TransactionalException).
 */
public final class Failures {
    private Failures() {
    }

    public enum Kind {
        /** The database cannot be reached or the pool has no connection: try again later (503). */
        DATABASE_UNAVAILABLE,
        /** A uniqueness rule of the schema caught a duplicate (409). */
        DUPLICATE,
        /** Another transaction changed the same row first (409). */
        CONCURRENT_UPDATE,
        /** The request body is not JSON, or not of the expected shape (400). */
        MALFORMED_BODY,
        /** Anything else is a bug (500). */
        BUG
    }

    /** The innermost cause, as "class [SQLState]", for logs that must not quote data. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getName() + (root instanceof SQLException sql && sql.getSQLState() != null
                ? " [" + sql.getSQLState() + "]" : "");
    }

    public static Kind classify(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return Kind.MALFORMED_BODY;
            }
            if (t instanceof OptimisticLockException) {
                return Kind.CONCURRENT_UPDATE;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return Kind.DATABASE_UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")
                        || state.equals("90067") || state.equals("90098")) {
                    return Kind.DATABASE_UNAVAILABLE;
                }
                if (state.equals("23505")) {
                    return Kind.DUPLICATE;
                }
                // Serialization failure, deadlock (PostgreSQL); lock wait timed out (H2).
                if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00")) {
                    return Kind.CONCURRENT_UPDATE;
                }
            }
            if (t.getClass().getName().endsWith("ConnectionWaitTimeoutException")) {
                return Kind.DATABASE_UNAVAILABLE;
            }
        }
        return Kind.BUG;
    }
}
