package org.nanum.platform.rest;

import java.util.List;

/**
 * The family of exceptions that say what happened in the domain; each maps to one problem
 * type. Subclasses name the event ({@code AlreadyInHouseholdException}), not the status.
 */
public abstract class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    protected ProblemException(int status, String type, String title, String detail,
                               List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** The slug after {@link Problem#TYPE_PREFIX}, listed in docs/api/errors.md. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Invalid input found by a service rather than by Bean Validation (e.g. an unknown district). */
    public static class InvalidField extends ProblemException {
        public InvalidField(String field, String message) {
            super(400, "invalid-request", "The request is not valid", message,
                    List.of(new Problem.FieldError(field, message)));
        }
    }
}
