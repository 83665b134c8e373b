package org.nanum.council.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.council.application.AppealHearings;
import org.nanum.council.application.AppealHearings.AppealView;
import org.nanum.council.domain.Hearing;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/council/appeals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.COUNCIL, Roles.ADMIN})
@SecurityRequirement(name = "keycloak")
@Tag(name = "Appeals", description = "Residents' appeals of moderation decisions and deposit outcomes, heard by the council")
public class AppealResource {
    @Inject
    AppealHearings hearings;
    @Inject
    SignedInUserProducer signIn;

    public record Outcome(@NotNull(message = "UPHELD or OVERTURNED") Hearing.Outcome outcome,
                          @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    @GET
    @Operation(summary = "The docket (council members; admins read)",
            description = "Appeals waiting to be heard, oldest first (all=true: heard ones too): what was decided, staff's "
                    + "reason and the appellant's, without names or resident ids.")
    @APIResponse(responseCode = "403", description = "Neither a council member nor an admin, or staff")
    public List<AppealView> docket(@QueryParam("all") boolean all) {
        return hearings.docket(user(), all);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An appeal (council members; admins read)", description = "With its outcome once heard.")
    @APIResponse(responseCode = "404", description = "No such appeal")
    public AppealView find(@PathParam("id") String id) {
        return hearings.find(user(), id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hear an appeal (council member)",
            description = "UPHELD, or OVERTURNED: a hidden listing or photo is shown again, a suspension lifted, a "
                    + "kept deposit released. With a reason the appellant reads; audited, and for moderation in the "
                    + "public log. Once. Not by a member the appeal concerns, and not by admins.")
    @APIResponse(responseCode = "400", description = "No outcome or no reason")
    @APIResponse(responseCode = "403", description = "No seat on a council today, a staff or admin role, or the appeal "
            + "concerns the member (conflict-of-interest)")
    @APIResponse(responseCode = "404", description = "No such appeal")
    @APIResponse(responseCode = "409", description = "Heard already (appeal-heard)")
    public AppealView decide(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Outcome body) {
        return hearings.decide(user(), id, body.outcome(), body.reason());
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
