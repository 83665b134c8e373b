package org.nanum.platform.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import org.nanum.platform.rest.Problems;

/**
 * Answers 401 problem+json when an operation needs a role and the request carries no valid
 * token. Liberty's MicroProfile JWT check has already run by now: a valid token has set the
 * principal; a missing, forged, expired or wrong-audience one has not. Left to the container, the
 * refusal would be a bare 401 with an empty body; role checks (403) stay with the container.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SignInRequiredFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;
    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null && needsSignIn()) {
            request.abortWith(Problems.response(401, "unauthenticated", "Sign-in required",
                    "This operation needs a valid access token from Nanum's Keycloak realm; the token was "
                            + "missing, expired, not signed by Keycloak or meant for another audience.",
                    null, null, uri));
        }
    }

    private boolean needsSignIn() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        Class<?> type = resource.getResourceClass();
        return type != null && (type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class))
                && !type.isAnnotationPresent(PermitAll.class);
    }
}
