package org.nanum.catalogue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.catalogue.application.ListingImport;
import org.nanum.platform.imports.ImportAnswer;
import org.nanum.platform.imports.ImportBatches;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;
import org.nanum.residents.application.ResidentDirectory;

@Path("/import/listings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Import", description = "Bringing in what a city's tool library or time bank already keeps "
        + "(./nanum import; data-import/README.md)")
public class ListingImportResource {
    @Inject
    ListingImport listings;
    @Inject
    ImportBatches batches;
    @Inject
    ResidentDirectory residents;
    @Inject
    SignedInUserProducer signIn;

    @POST
    @Operation(summary = "Import a batch of listings (staff)",
            description = "Creates, updates or leaves alone each listing by source and externalId: the same record "
                    + "twice changes nothing; a changed record updates the listing unless someone changed it in Nanum "
                    + "since (SKIPPED) or the record is older than what was imported (SKIPPED). Complete listings are "
                    + "published through the usual checks; incomplete ones (no category, condition, loan period, "
                    + "duration; childcare) are kept as drafts for staff review (review: true, and GET "
                    + "/api/import/review). Goods without an owner are the city's; services without one belong to the "
                    + "source's own account. Spaces are refused. Each record that fails the rules is an ERROR outcome "
                    + "with its field; the others are written together, or none are. Audited.")
    @APIResponse(responseCode = "200", description = "Each record's outcome")
    @APIResponse(responseCode = "400", description = "No source, a source name that is not allowed, no records or more than 500")
    public ImportAnswer importListings(@Valid @NotNull(message = "a JSON body is required") ImportBatches.Batch<ListingImport.ImportedListing> body) {
        String importer = residents.signIn(signIn.ifSignedIn().orElseThrow()).residentId();
        return batches.run(importer, body, i -> listings.importAll(i, body.records()));
    }
}
