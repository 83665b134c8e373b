package org.nanum.catalogue.api;

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
import org.nanum.catalogue.application.CatalogueViews.CategoryView;
import org.nanum.catalogue.application.ListingService;

@Path("/categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CategoryResource {
    @Inject
    ListingService listings;

    @GET
    @PermitAll
    @Operation(summary = "The category tree",
            description = "Every category of the four kinds, parents first, with Korean, English and French names.")
    public List<CategoryView> list() {
        return listings.categories();
    }
}
