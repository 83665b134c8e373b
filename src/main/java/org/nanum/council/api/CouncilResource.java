package org.nanum.council.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.council.application.CouncilService;
import org.nanum.council.application.CouncilService.CouncilView;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/council/councils")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Councils", description = "Who governs Nanum: councils, their terms and their members")
public class CouncilResource {
    @Inject
    CouncilService councils;
    @Inject
    SignedInUserProducer signIn;

    public record NewCouncil(@NotNull(message = "a name") @Size(max = 120, message = "at most 120 characters") String name,
                             @Size(max = 40, message = "a district code") String districtCode) {
    }

    public record NewTerm(@NotNull(message = "the term's first day") LocalDate startsOn,
                          @NotNull(message = "the term's last day") LocalDate endsOn) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The councils, their terms and members",
            description = "Public: who sits on which council for which term (display names), city-wide and per district.")
    public List<CouncilView> all() {
        return councils.all();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A council", description = "Its terms, the term in force and its members.")
    @APIResponse(responseCode = "404", description = "No such council")
    public CouncilView find(@PathParam("id") String id) {
        return councils.find(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a council (admin)",
            description = "City-wide (no districtCode) or for one district; names are unique. Audited.")
    @APIResponse(responseCode = "201", description = "The council")
    @APIResponse(responseCode = "400", description = "No name, or an unknown district")
    @APIResponse(responseCode = "409", description = "A council has that name (term-conflict)")
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewCouncil body) {
        return Response.status(201).entity(councils.create(user(), body.name(), body.districtCode())).build();
    }

    @POST
    @Path("/{id}/terms")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a term to a council (admin)",
            description = "From startsOn to endsOn (both included, the city's calendar), at most five years, not "
                    + "overlapping another term of the council. Audited.")
    @APIResponse(responseCode = "201", description = "The council with its terms")
    @APIResponse(responseCode = "400", description = "Missing or reversed days")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "Overlaps another term (term-conflict)")
    public Response addTerm(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") NewTerm body) {
        return Response.status(201).entity(councils.addTerm(user(), id, body.startsOn(), body.endsOn())).build();
    }

    @PUT
    @Path("/{id}/terms/{termId}/members/{residentId}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Seat a resident on a council for a term (admin)",
            description = "Membership is kept here; the Keycloak council role only opens the council's pages. A "
                    + "district council's members live in its district. Idempotent; audited.")
    @APIResponse(responseCode = "404", description = "No such council or term")
    @APIResponse(responseCode = "409", description = "No such resident, or one living elsewhere (member-not-eligible)")
    public CouncilView assign(@PathParam("id") String id, @PathParam("termId") String termId,
                              @PathParam("residentId") String residentId) {
        return councils.assign(user(), id, termId, residentId);
    }

    @DELETE
    @Path("/{id}/terms/{termId}/members/{residentId}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "End a seat early (admin)", description = "With a reason (query parameter), audited.")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "409", description = "The resident does not sit there (member-not-eligible)")
    public CouncilView unassign(@PathParam("id") String id, @PathParam("termId") String termId,
                                @PathParam("residentId") String residentId, @QueryParam("reason") String reason) {
        return councils.unassign(user(), id, termId, residentId, reason);
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
