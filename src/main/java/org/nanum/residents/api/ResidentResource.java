package org.nanum.residents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.api.Requests.ResidencyDecisionRequest;
import org.nanum.residents.application.ResidentService;
import org.nanum.residents.application.Views.ResidentView;

/** Staff work on residents' records. */
@Path("/residents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Staff", description = "City staff's work on residents")
@SecurityRequirement(name = "keycloak")
public class ResidentResource {
    @Inject
    ResidentService residents;
    @Inject
    SignedInUser user;
    @Inject
    org.nanum.residents.application.SitterChecks sitterChecks;

    @GET
    @Path("/{id}")
    @Operation(summary = "A resident's record (staff)",
            description = "The record staff need to verify residency: names, email, district, household, verification.")
    @APIResponse(responseCode = "200", description = "The resident")
    @APIResponse(responseCode = "404", description = "No such resident")
    public ResidentView find(@PathParam("id") String id) {
        return residents.find(id);
    }

    @PUT
    @Path("/{id}/residency")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a resident's residency (staff)",
            description = "Marks the residency as verified (or withdraws the verification) with a reason; the "
                    + "decision is written to the audit record. Staff cannot verify their own residency.")
    @APIResponse(responseCode = "200", description = "The resident after the decision")
    @APIResponse(responseCode = "400", description = "Missing decision or reason")
    @APIResponse(responseCode = "403", description = "Not staff, or the caller's own residency")
    @APIResponse(responseCode = "404", description = "No such resident")
    public ResidentView decideResidency(@PathParam("id") String id,
                                        @Valid @NotNull(message = "a JSON body is required") ResidencyDecisionRequest body) {
        return residents.verifyResidency(user, id, body.verified(), body.reason());
    }

    @GET
    @Path("/{id}/sitter-check")
    @Operation(summary = "Whether a resident's checks as a sitter were done (staff)",
            description = "The fact, the day and who recorded it; never the documents.")
    @APIResponse(responseCode = "404", description = "No such resident")
    public org.nanum.residents.application.Views.SitterCheckView sitterCheck(@PathParam("id") String id) {
        return sitterChecks.of(id);
    }

    @PUT
    @Path("/{id}/sitter-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record or withdraw a resident's checks as a sitter (staff)",
            description = "Only residents whose checks are recorded may offer childcare or answer a family's request. "
                    + "The decision and its reason go to the audit record; the documents stay at the office. "
                    + "Staff cannot record their own checks.")
    @APIResponse(responseCode = "200", description = "The record after the decision")
    @APIResponse(responseCode = "400", description = "Missing decision, reason or (to verify) checkedOn")
    @APIResponse(responseCode = "403", description = "Not staff, or the caller's own record")
    @APIResponse(responseCode = "404", description = "No such resident")
    public org.nanum.residents.application.Views.SitterCheckView decideSitterCheck(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") org.nanum.residents.api.Requests.SitterCheckRequest body) {
        return sitterChecks.decide(user, id, body.verified(), body.checkedOn(), body.reason());
    }

    /** The resident's consent to a staff member's help, as that staff member records it. */
    public record AssistanceRequest(@jakarta.validation.constraints.Size(max = 500, message = "at most 500 characters") String reason,
                                    Integer minutes) {
    }

    @jakarta.inject.Inject
    org.nanum.residents.application.AssistanceService assistance;

    @jakarta.ws.rs.POST
    @Path("/{id}/assistance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a resident's consent to your help (staff)",
            description = "A resident who asks (at a community centre, without a smartphone) lets the staff member "
                    + "with them act for them: for `minutes` (default 60, at most 480), with a reason on the record. "
                    + "While it holds, that staff member sends `On-Behalf-Of: <resident id>` and is the resident for "
                    + "operations residents may call (never staff's, councils' or admins'); every audit record "
                    + "written names the staff member (on_behalf_by) and each write is recorded. The resident is told "
                    + "in their inbox. Staff never assist themselves.")
    @APIResponse(responseCode = "200", description = "The consent")
    @APIResponse(responseCode = "400", description = "No reason, or minutes out of range")
    @APIResponse(responseCode = "403", description = "Not staff, or the caller's own record (own-assistance)")
    @APIResponse(responseCode = "404", description = "No such resident")
    public org.nanum.residents.application.AssistanceService.ConsentView grantAssistance(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") AssistanceRequest body) {
        return assistance.grant(user, id, body.reason(), body.minutes());
    }

    @jakarta.ws.rs.DELETE
    @Path("/{id}/assistance")
    @Operation(summary = "End your help to a resident now (staff)",
            description = "Ends the staff member's standing consent from this resident before it expires.")
    @APIResponse(responseCode = "200", description = "The ended consent")
    @APIResponse(responseCode = "403", description = "Not staff, or no consent of this resident to the caller's help")
    public org.nanum.residents.application.AssistanceService.ConsentView endAssistance(@PathParam("id") String id) {
        return assistance.end(user, id);
    }

    @jakarta.inject.Inject
    org.nanum.residents.application.AccountErasure erasure;

    /** The resident's request, as staff record it: why, how it was made, and the word ERASE. */
    public record ErasureOnBehalf(
            @jakarta.validation.constraints.NotBlank(message = "say who asked, how and when (it is recorded)")
            @jakarta.validation.constraints.Size(max = 500, message = "at most 500 characters") String reason,
            @jakarta.validation.constraints.Size(max = 20) String confirm) {
    }

    @jakarta.ws.rs.POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a resident's account at their request (staff)",
            description = "For a resident who asks in person or in writing: the same erasure as POST /api/me/erasure, "
                    + "with the request recorded (reason: who asked, how, when) in the erasure and the audit trail. "
                    + "Confirm with \"confirm\": \"ERASE\". Staff erase their own account themselves.")
    @APIResponse(responseCode = "200", description = "Erased")
    @APIResponse(responseCode = "400", description = "No reason, not confirmed, or the caller's own account")
    @APIResponse(responseCode = "403", description = "Not staff, or the account was erased already (account-erased)")
    @APIResponse(responseCode = "404", description = "No such resident")
    @APIResponse(responseCode = "409", description = "Something is still open (erasure-blocked)")
    public org.nanum.residents.application.AccountErasure.ErasureView eraseFor(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") ErasureOnBehalf body) {
        if (!"ERASE".equals(body.confirm())) {
            throw new org.nanum.residents.domain.ResidentsProblems.ErasureNotConfirmedException();
        }
        erasure.eraseFor(user, id, body.reason().strip());
        return erasure.deleteAccount(id);
    }
}
