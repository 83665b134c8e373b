package org.nanum.residents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.api.Requests.JoinHouseholdRequest;
import org.nanum.residents.api.Requests.StartHouseholdRequest;
import org.nanum.residents.application.HouseholdService;
import org.nanum.residents.application.Views.HouseholdView;
import org.nanum.residents.application.Views.InvitationView;

@Path("/households")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@Tag(name = "Residents")
@SecurityRequirement(name = "keycloak")
public class HouseholdResource {
    @Inject
    HouseholdService households;
    @Inject
    SignedInUser user;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a household",
            description = "Creates a household with the caller as its only member. A resident belongs to one "
                    + "household at a time.")
    @APIResponse(responseCode = "201", description = "The new household; Location is /api/households/mine")
    @APIResponse(responseCode = "409", description = "The caller already belongs to a household")
    public Response start(@Valid @NotNull(message = "a JSON body is required") StartHouseholdRequest body) {
        HouseholdView view = households.start(user, body.name());
        return Response.created(uri.getBaseUriBuilder().path(HouseholdResource.class).path("mine").build())
                .entity(view).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My household",
            description = "The caller's household: its members' names and the current invitation code, if any.")
    @APIResponse(responseCode = "200", description = "The household")
    @APIResponse(responseCode = "404", description = "The caller belongs to no household")
    public HouseholdView mine() {
        return households.mine(user);
    }

    @POST
    @Path("/mine/invitation")
    @Operation(summary = "Invite someone to my household",
            description = "Issues a new invitation code for the caller's household, valid for a limited time "
                    + "(7 days by default). Any earlier code stops working.")
    @APIResponse(responseCode = "200", description = "The code and when it expires")
    @APIResponse(responseCode = "404", description = "The caller belongs to no household")
    public InvitationView invite() {
        return households.invite(user);
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a household", description = "Joins the household whose member shared the code.")
    @APIResponse(responseCode = "200", description = "The household joined")
    @APIResponse(responseCode = "400", description = "The code is missing, unknown or expired")
    @APIResponse(responseCode = "409", description = "The caller already belongs to a household")
    public HouseholdView join(@Valid @NotNull(message = "a JSON body is required") JoinHouseholdRequest body) {
        return households.join(user, body.invitationCode());
    }

    /** What keeps the caller from leaving their household now. */
    public record LeavingCheck(boolean possible, java.util.List<org.nanum.platform.rest.Problem.FieldError> open) {
    }

    @GET
    @Path("/mine/leave")
    @Operation(summary = "Can I leave my household now?",
            description = "What would be left behind and must be settled first, each as field (what: balance/<minutes>, "
                    + "credit/<minutes>, sessions/<id>, listings/<id>) and message (what to do). Minutes follow people, "
                    + "not empty households: the last member may not leave while the household's time-bank balance is "
                    + "not zero, or a session or listing of the household or of theirs is open; any member may not leave "
                    + "a household that owes minutes when nobody with verified residency stays in it.")
    @APIResponse(responseCode = "200", description = "possible, and what is open")
    @APIResponse(responseCode = "404", description = "The caller belongs to no household")
    public LeavingCheck leaving() {
        java.util.List<org.nanum.platform.rest.Problem.FieldError> open = households.keepingMe(user);
        return new LeavingCheck(open.isEmpty(), open);
    }

    @POST
    @Path("/mine/leave")
    @Operation(summary = "Leave my household",
            description = "The caller leaves their household; when the last member leaves, the household is "
                    + "dissolved, its invitation code stops working and its time-bank account closes. Refused while "
                    + "something would be left behind (GET /api/households/mine/leave lists it).")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "The caller belongs to no household")
    @APIResponse(responseCode = "409", description = "Something must be settled first (leaving-blocked), each item in errors")
    public Response leave() {
        households.leave(user);
        return Response.noContent().build();
    }
}
