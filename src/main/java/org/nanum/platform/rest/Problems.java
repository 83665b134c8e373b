package org.nanum.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem+json responses; the one place that knows the shape of an error. */
public final class Problems {
    private Problems() {
    }

    /** 400 for a body that JSON-B cannot read, saying why when the reason is ours to tell. */
    public static Response malformedBody(Throwable failure, UriInfo uri) {
        String detail = "The body is not valid JSON of the expected shape.";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StrictBoolean.NotABooleanException) {
                detail = "A field that takes true or false was given something else.";
                break;
            }
        }
        return response(400, "malformed-body", "The request body cannot be read", detail, null, null, uri);
    }

    public static Response response(int status, String type, String title, String detail,
                                    List<Problem.FieldError> errors, String incident, UriInfo uri) {
        String instance = null;
        try {
            instance = uri == null ? null : uri.getRequestUri().getRawPath();
        } catch (RuntimeException outsideARequest) {
            // The mapper ran without a request context (e.g. during startup): no instance then.
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, instance,
                errors == null || errors.isEmpty() ? null : errors, incident);
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nanum\"");
        }
        return builder.build();
    }
}
