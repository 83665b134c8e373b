package org.nanum.residents.api;

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
import org.nanum.platform.imports.ImportAnswer;
import org.nanum.platform.imports.ImportBatches;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;
import org.nanum.residents.application.MemberImport;
import org.nanum.residents.application.ResidentDirectory;

@Path("/import/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Import")
public class MemberImportResource {
    @Inject
    MemberImport members;
    @Inject
    ImportBatches batches;
    @Inject
    ResidentDirectory residents;
    @Inject
    SignedInUserProducer signIn;

    @POST
    @Operation(summary = "Import a batch of time-bank members (staff)",
            description = "Each member becomes a resident who has not signed in yet, with a household of their own; "
                    + "their first sign-in with the same email, verified by Keycloak, makes the record theirs. Only "
                    + "name and email are kept. A changed record updates a member who has not signed in yet; one who "
                    + "has keeps their own name and email (SKIPPED). A member whose email a signed-in resident already "
                    + "has is imported apart and marked for review. Audited.")
    @APIResponse(responseCode = "200", description = "Each record's outcome")
    @APIResponse(responseCode = "400", description = "No source, a source name that is not allowed, no records or more than 500")
    public ImportAnswer importMembers(@Valid @NotNull(message = "a JSON body is required")
                                      ImportBatches.Batch<MemberImport.ImportedMember> body) {
        String importer = residents.signIn(signIn.ifSignedIn().orElseThrow()).residentId();
        return batches.run(importer, body, i -> members.importAll(i, body.records()));
    }
}
