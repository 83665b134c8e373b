package org.nanum.catalogue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.catalogue.application.CatalogueIndexer;
import org.nanum.platform.security.Roles;

@Path("/admin/catalogue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin", description = "Running the platform")
@SecurityRequirement(name = "keycloak")
public class CatalogueAdminResource {
    @Inject
    CatalogueIndexer indexer;

    /** How many listings the rebuilt index holds, and how long the rebuild took. */
    public record Rebuilt(int listings, long millis) {
    }

    @POST
    @Path("/reindex")
    @Operation(summary = "Rebuild this node's search index (admin)",
            description = "Drops the catalogue index of the node that answers and fills it again from the database. "
                    + "Search keeps answering meanwhile, from the index as it stands. Answers how many listings the index now holds and how many milliseconds the rebuild took.")
    public Rebuilt reindex() throws IOException {
        long started = System.nanoTime();
        int listings = indexer.rebuild();
        return new Rebuilt(listings, (System.nanoTime() - started) / 1_000_000);
    }
}
