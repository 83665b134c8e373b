package org.nanum.moderation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.moderation.application.ReportService;
import org.nanum.moderation.application.ReportService.ReportView;
import org.nanum.moderation.domain.Reason;
import org.nanum.moderation.domain.TargetType;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Reports", description = "Residents tell staff about what is unsafe or wrong")
public class ReportResource {
    @Inject
    ReportService reports;

    @Inject
    SignedInUserProducer signIn;

    public record ReportRequest(
            @Schema(description = "LISTING, PHOTO, MESSAGE, RESIDENT, REFERENCE (the loan's id: the reference written "
                    + "about you on it) or SESSION (one of your household's)")
            @NotNull(message = "say what you report") TargetType targetType,
            @Schema(description = "Its id") @NotBlank(message = "give its id") @Size(max = 36, message = "an id") String targetId,
            @Schema(description = "UNSAFE, PROHIBITED_ITEM, DISCRIMINATION, HARASSMENT, SPAM, NO_SHOW or OTHER")
            @NotNull(message = "choose a reason") Reason reason,
            @Schema(description = "What is wrong, in your words (required for OTHER); staff read it, the owner never does")
            @Size(max = 1000, message = "at most 1000 characters") String details) {
    }

    @POST
    @Operation(summary = "Report something",
            description = "Opens a case for staff, or joins the open one about the same thing. Reports about a listing "
                    + "from MODERATION_AUTO_HIDE_REPORTS distinct residents hide it until staff review it. Your identity "
                    + "is never shown to the owner nor in the public log.")
    @APIResponse(responseCode = "201", description = "The report")
    @APIResponse(responseCode = "400", description = "No target, reason, or (for OTHER) details")
    @APIResponse(responseCode = "404", description = "Nothing you may report has that id (report-target-not-found)")
    @APIResponse(responseCode = "409", description = "Your report about it is still open (already-reported), or it is "
            + "yours or your household's (cannot-report-yourself)")
    public Response report(@Valid @NotNull(message = "a JSON body is required") ReportRequest body) {
        return Response.status(201).entity(reports.report(user(), body.targetType(), body.targetId().strip(),
                body.reason(), body.details())).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My reports", description = "Newest first, open or closed.")
    public List<ReportView> mine() {
        return reports.mine(user());
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
