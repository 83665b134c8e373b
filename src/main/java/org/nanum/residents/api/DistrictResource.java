package org.nanum.residents.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.residents.application.DistrictService;
import org.nanum.residents.application.Views.DistrictView;

@Path("/districts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residents")
public class DistrictResource {
    @Inject
    DistrictService districts;

    @GET
    @PermitAll
    @Operation(summary = "The city's districts",
            description = "Every district of the city with its Korean and English names, administrative code and "
                    + "centre point. Public: no sign-in needed.")
    public List<DistrictView> list() {
        return districts.list();
    }
}
