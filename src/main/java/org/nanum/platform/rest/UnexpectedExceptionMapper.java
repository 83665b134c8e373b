package org.nanum.platform.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claimed. The database being down is not a bug (503 with
 * Retry-After); a duplicate or a lost race is a conflict (409); the rest is a bug (500), logged
 * with an incident id that the response carries so that a resident's report can be matched to
 * the log.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 30;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        return switch (Failures.classify(failure)) {
            case DATABASE_UNAVAILABLE -> {
                // The root cause's class and SQLState say enough; the full message may quote SQL.
                LOG.log(Level.WARNING, "Database unavailable ({0}); answering 503", Failures.rootCause(failure));
                Response r = Problems.response(503, "service-unavailable", "Nanum is briefly unavailable",
                        "The database cannot be reached. Please try again shortly.", null, null, uri);
                yield Response.fromResponse(r).header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            case DUPLICATE -> Problems.response(409, "conflict", "The request conflicts with existing data",
                    "Something with the same identity already exists; reload and try again.", null, null, uri);
            case CONCURRENT_UPDATE -> Problems.response(409, "concurrent-update", "Changed by someone else",
                    "The data changed while this request was being handled; reload and try again.", null, null, uri);
            case MALFORMED_BODY -> Problems.malformedBody(failure, uri);
            case BUG -> {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Incident " + incident + ": unexpected failure", failure);
                yield Problems.response(500, "internal-error", "Something went wrong on our side",
                        "The failure was logged as incident " + incident + ".", null, incident, uri);
            }
        };
    }
}
