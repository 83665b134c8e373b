package org.nanum.platform.rest;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists the fields at fault for invalid input;
 * {@code incident} is the id under which an unexpected failure was logged.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, String incident) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:nanum:problem:";

    /** One field at fault: a JSON path into the request body, or a query/path parameter name. */
    public record FieldError(String field, String message) {
    }
}
