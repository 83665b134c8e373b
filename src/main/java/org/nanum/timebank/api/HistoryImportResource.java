package org.nanum.timebank.api;

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
import org.nanum.residents.application.ResidentDirectory;
import org.nanum.timebank.application.HistoryImport;

@Path("/import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Import")
public class HistoryImportResource {
    @Inject
    HistoryImport history;
    @Inject
    ImportBatches batches;
    @Inject
    ResidentDirectory residents;
    @Inject
    SignedInUserProducer signIn;

    @POST
    @Path("/transfers")
    @Operation(summary = "Import a batch of time-bank transfers (staff)",
            description = "Each transfer is posted between the members' household accounts with its original date "
                    + "('time-bank' is the MIGRATION account), exempt from today's limits; the books stay balanced and "
                    + "the journal's hash chain covers it. The same transfer twice changes nothing; a transfer "
                    + "imported with other values is an ERROR (correct it with a reversal). Import the members first. "
                    + "Audited.")
    @APIResponse(responseCode = "200", description = "Each record's outcome")
    @APIResponse(responseCode = "400", description = "No source, a source name that is not allowed, no records or more than 500")
    public ImportAnswer importTransfers(@Valid @NotNull(message = "a JSON body is required")
                                        ImportBatches.Batch<HistoryImport.ImportedTransfer> body) {
        String importer = residents.signIn(signIn.ifSignedIn().orElseThrow()).residentId();
        return batches.run(importer, body, i -> history.importTransfers(i, body.records()));
    }

    @POST
    @Path("/balances")
    @Operation(summary = "Bring imported members' balances to their time bank's (staff)",
            description = "After the transfers: where a member's imported history does not add up to the balance "
                    + "their time bank shows, an OPENING transfer from (or to) the MIGRATION account makes up the "
                    + "difference, dated just before their first imported transfer. Only imported history counts, so "
                    + "what the member did in Nanum since is never undone; sending the same balances again changes "
                    + "nothing. Audited.")
    @APIResponse(responseCode = "200", description = "Each record's outcome")
    @APIResponse(responseCode = "400", description = "No source, a source name that is not allowed, no records or more than 500")
    public ImportAnswer importBalances(@Valid @NotNull(message = "a JSON body is required")
                                       ImportBatches.Batch<HistoryImport.ImportedBalance> body) {
        String importer = residents.signIn(signIn.ifSignedIn().orElseThrow()).residentId();
        return batches.run(importer, body, i -> history.importBalances(i, body.records()));
    }
}
