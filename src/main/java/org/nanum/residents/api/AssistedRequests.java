package org.nanum.residents.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.nanum.platform.security.Assistance;
import org.nanum.residents.application.AssistanceService;

/** After a write a staff member made for a resident succeeded: one audit record of it, marked on behalf. */
@Provider
@jakarta.enterprise.context.ApplicationScoped
public class AssistedRequests implements ContainerResponseFilter {
    @Inject
    Assistance assistance;
    @Inject
    AssistanceService service;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (assistance.resident().isPresent() && !"GET".equals(request.getMethod()) && response.getStatus() < 300) {
            String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
            service.recordRequest(assistance.resident().get(), request.getMethod(), path);
        }
    }
}
