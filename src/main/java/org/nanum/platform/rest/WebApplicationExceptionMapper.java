package org.nanum.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors raised by JAX-RS itself (no such path, method not allowed, unsupported media type, not
 * signed in, wrong role, a body JSON-B cannot read) turned into problem+json with the same status.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final java.util.regex.Pattern PARAM =
            java.util.regex.Pattern.compile("(?:QueryParam|PathParam|HeaderParam)\\(\"([^\"]+)\"\\)");
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400 && Failures.classify(e) == Failures.Kind.MALFORMED_BODY) {
            return Problems.malformedBody(e, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted (page=abc):
            // it is the caller's input at fault, so say which parameter.
            java.util.regex.Matcher m = PARAM.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                String field = m.group(1);
                return Problems.response(400, "invalid-request", "The request is not valid",
                        field + ": not a value of the expected type",
                        java.util.List.of(new Problem.FieldError(field, "not a value of the expected type")), null, uri);
            }
        }
        if (status >= 500) {
            return new UnexpectedExceptionMapper().toResponse(e);
        }
        return switch (status) {
            case 401 -> Problems.response(401, "unauthenticated", "Sign-in required",
                    "This operation needs a valid access token from Nanum's Keycloak realm.", null, null, uri);
            case 403 -> Problems.response(403, "forbidden", "Not allowed",
                    "Your roles do not allow this operation.", null, null, uri);
            case 404 -> Problems.response(404, "not-found", "Not found",
                    "There is nothing at this address.", null, null, uri);
            case 405 -> Problems.response(405, "method-not-allowed", "Method not allowed",
                    "This address does not accept that method.", null, null, uri);
            case 406 -> Problems.response(406, "not-acceptable", "Not acceptable",
                    "This address cannot answer in the media type asked for.", null, null, uri);
            case 415 -> Problems.response(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json.", null, null, uri);
            case 400 -> Problems.response(400, "invalid-request", "The request is not valid",
                    "A parameter or the body could not be read.", null, null, uri);
            // The exception's own message can name internal classes and methods: not for callers.
            default -> Problems.response(status, "http-" + status, "Request refused",
                    "The request was refused with HTTP status " + status + ".", null, null, uri);
        };
    }
}
