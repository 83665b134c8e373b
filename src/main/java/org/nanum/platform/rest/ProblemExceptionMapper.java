package org.nanum.platform.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain events that refuse a request: 400/403/404/409 with their problem type. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
        return Problems.response(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), null, uri);
    }
}
