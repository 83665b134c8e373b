package org.nanum.moderation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.moderation.application.ModerationQueue;
import org.nanum.moderation.application.ModerationQueue.CaseDetail;
import org.nanum.moderation.application.ModerationQueue.CaseView;
import org.nanum.moderation.domain.ModerationCase;
import org.nanum.moderation.domain.Reason;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/moderation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.STAFF)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Moderation", description = "City staff's queue of reported things, and their decisions")
public class ModerationResource {
    @Inject
    ModerationQueue queue;
    @Inject
    SignedInUserProducer signIn;

    public record Decision(@NotNull(message = "DISMISS, HIDE or RESTORE") ModerationCase.Decision decision,
                           @NotNull(message = "choose the reason's category") Reason category,
                           @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The queue (staff)",
            description = "Open cases: childcare and safety (unsafe, harassment, discrimination) first, then the most "
                    + "reported, then the oldest; with the count of each reason and who claimed each.")
    public List<CaseView> queue() {
        return queue.queue(user());
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "A case with its reports and history (staff)",
            description = "Each report's reason, words and reporter; the case's entries in the public log.")
    @APIResponse(responseCode = "404", description = "No such case")
    public CaseDetail find(@PathParam("id") String id) {
        return queue.find(user(), id);
    }

    @POST
    @Path("/cases/{id}/claim")
    @Operation(summary = "Claim a case (staff)", description = "Says who is looking at it; another may claim it over.")
    @APIResponse(responseCode = "403", description = "The case is about the caller's own listing, household or person")
    @APIResponse(responseCode = "409", description = "The case is closed")
    public CaseView claim(@PathParam("id") String id) {
        return queue.claim(user(), id);
    }

    @POST
    @Path("/cases/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a case (staff)",
            description = "DISMISS, or HIDE / RESTORE a listing or photo, with a reason category (public) and a reason "
                    + "(audited; the owner and the reporters are told a decision was made). Closes the case and its "
                    + "reports and writes the public log.")
    @APIResponse(responseCode = "400", description = "No decision, category or reason")
    @APIResponse(responseCode = "403", description = "The case is about the caller's own listing, household or person")
    @APIResponse(responseCode = "409", description = "The case is closed (case-closed), or HIDE/RESTORE of something "
            + "that is not a listing or photo (decision-not-applicable)")
    public CaseView decide(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Decision body) {
        return queue.decide(user(), id, body.decision(), body.category(), body.reason());
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
