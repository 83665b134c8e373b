package org.nanum.residents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.imports.ImportApproval;
import org.nanum.platform.imports.ImportApprovals;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.application.ResidentDirectory;

/** What imports left waiting for a second person (decision 0008), and the decision. */
@Path("/import/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@SecurityRequirement(name = "keycloak")
@Tag(name = "Import")
public class ImportApprovalResource {
    static final int PAGE = 50;

    @Inject
    ImportApprovals approvals;
    @Inject
    ResidentDirectory residents;
    @Inject
    SignedInUser user;

    /** One record waiting: what it would do and why it waits. */
    public record Waiting(String batchId, String source, ImportApproval.Kind kind, String externalId, int line,
                          String accountId, String fromAccountId, long minutes, long migrationMinutes, String why,
                          String requestedBy, Instant requestedAt) {
        static Waiting of(ImportApproval a) {
            return new Waiting(a.batchId(), a.source(), a.kind(), a.externalId(), a.line(), a.accountId(), a.fromAccountId(),
                    a.minutes(), a.migrationMinutes(), a.why(), a.requestedBy(), a.requestedAt());
        }
    }

    /** A record as decided: APPROVED with what it became (targetId), or REJECTED. */
    public record Decided(String batchId, ImportApproval.Kind kind, String externalId, int line,
                          ImportApproval.Status status, String targetId) {
        static Decided of(ImportApproval a) {
            return new Decided(a.batchId(), a.kind(), a.externalId(), a.line(), a.status(), a.transferId());
        }
    }

    public record Decision(@NotNull(message = "say what was checked") @Size(max = 500, message = "at most 500 characters")
                           String reason) {
    }

    @GET
    @Operation(summary = "Imported records waiting for a second person (staff, admin)",
            description = "Opening balances and transfers that would leave a household beyond its floor or ceiling, "
                    + "those that bring more minutes out of the MIGRATION account than one person may in 24 hours "
                    + "(TIMEBANK_IMPORT_REVIEW_MINUTES), and unclaimed members' changed emails; oldest first, 50 a page. "
                    + "Nothing of them is written until their batch is approved.")
    public List<Waiting> waiting(@QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "from 0")
                                 @Max(value = 100_000, message = "at most 100000") int page) {
        return approvals.waiting(page * PAGE, PAGE).stream().map(Waiting::of).toList();
    }

    @POST
    @Path("/{batchId}/approve")
    @Operation(summary = "Approve a waiting batch (a second person: staff or admin)",
            description = "Every waiting record of the batch is applied now, as its importer sent it (balances and "
                    + "transfers posted with their original dates; emails changed). Refused to the importer themselves, "
                    + "to a service account, and to anyone of a household the batch credits. The reason is audited; the "
                    + "approval is on the public transparency log.")
    @APIResponse(responseCode = "200", description = "The batch's records as decided")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "Not a second person (not-a-second-person)")
    @APIResponse(responseCode = "404", description = "Nothing waits in that batch (approval-not-found)")
    public List<Decided> approve(@PathParam("batchId") String batchId,
                                 @Valid @NotNull(message = "a JSON body is required") Decision body) {
        return decide(batchId, true, body.reason());
    }

    @POST
    @Path("/{batchId}/reject")
    @Operation(summary = "Reject a waiting batch (a second person: staff or admin)",
            description = "Nothing of the batch is written; sending the same file again asks again. Audited and on the "
                    + "public transparency log.")
    @APIResponse(responseCode = "200", description = "The batch's records as decided")
    @APIResponse(responseCode = "403", description = "Not a second person (not-a-second-person)")
    @APIResponse(responseCode = "404", description = "Nothing waits in that batch (approval-not-found)")
    public List<Decided> reject(@PathParam("batchId") String batchId,
                                @Valid @NotNull(message = "a JSON body is required") Decision body) {
        return decide(batchId, false, body.reason());
    }

    private List<Decided> decide(String batchId, boolean approve, String reason) {
        ResidentDirectory.Who who = residents.signIn(user);
        return approvals.decide(new ImportApprovals.Approver(who.residentId(), who.householdId(), user), batchId, approve,
                reason).stream().map(Decided::of).toList();
    }
}
