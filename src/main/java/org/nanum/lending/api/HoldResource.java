package org.nanum.lending.api;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.lending.application.HoldService;
import org.nanum.lending.application.HoldService.HoldView;
import org.nanum.lending.application.LoanViews.LoanView;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Loans")
public class HoldResource {
    @Inject
    HoldService holds;
    @Inject
    SignedInUserProducer signIn;

    /** The item to queue for. */
    public record JoinRequest(@NotBlank(message = "say which item") @Size(max = 36) String itemId) {
    }

    /** Taking an offered item, optionally for fewer days than its loan period. */
    public record TakeRequest(LocalDate lastDay) {
    }

    @POST
    @Operation(summary = "Queue for an item that is out",
            description = "First come, first offered: when the item is back, the first in line has HOLD_OFFER_HOURS to "
                    + "take it (GET /api/policy), then it passes to the next. While a queue exists, new loan requests "
                    + "for the item are refused: everyone queues. At most HOLD_MAX_ACTIVE queues per resident.")
    @APIResponse(responseCode = "201", description = "The hold, with the caller's place in line")
    @APIResponse(responseCode = "409", description = "The item is not out (no-queue: just borrow it), already queued, "
            + "one's own item, or over the limit (hold-limit-reached)")
    public Response join(@Valid @NotNull(message = "a JSON body is required") JoinRequest body) {
        return Response.status(201).entity(holds.join(user(), body.itemId())).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My holds", description = "With each one's place in line and, when offered, until when.")
    public List<HoldView> mine() {
        return holds.mine(user());
    }

    @POST
    @Path("/{id}/leave")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Leave a queue", description = "An offer the caller had passes to the next in line.")
    @APIResponse(responseCode = "404", description = "Not the caller's hold")
    public HoldView leave(@PathParam("id") String id) {
        return holds.leave(user(), id);
    }

    @POST
    @Path("/{id}/take")
    @Operation(summary = "Take the offered item",
            description = "An approved loan from today for the item's loan period (or to lastDay).")
    @APIResponse(responseCode = "409", description = "Nothing offered to the caller, or the offer ran out")
    public LoanView take(@PathParam("id") String id, @Valid TakeRequest body) {
        return holds.take(user(), id, body == null ? null : body.lastDay());
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
