package org.nanum.platform.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Staff acting for a resident do what the resident may do, nothing more: an operation residents
 * cannot call (staff's, councils', admins') refuses On-Behalf-Of, so no staff decision is ever
 * recorded as a resident's. The consent itself is checked where the caller is made
 * ({@link SignedInUserProducer}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class OnBehalfFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String onBehalfOf = request.getHeaderString(Assistance.HEADER);
        if (onBehalfOf == null || onBehalfOf.isBlank() || resource.getResourceMethod() == null) {
            return;
        }
        if (!residentsMay(resource.getResourceMethod())) {
            throw new Assistance.NotAllowedException("residents do not call this operation, so nobody calls it on their behalf");
        }
    }

    private static boolean residentsMay(Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && method.getAnnotation(PermitAll.class) == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null || Arrays.asList(roles.value()).contains(Roles.RESIDENT);
    }
}
