package org.nanum.lending.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.lending.application.CalendarService;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/calendar")
@RequestScoped
@Tag(name = "Calendar", description = "A resident's bookings and loans in their own calendar app")
public class CalendarResource {
    @Inject
    CalendarService calendars;
    @Inject
    SignedInUserProducer signIn;
    @Context
    UriInfo uri;

    /** The feed's private URL, shown once. */
    public record FeedView(String url, Instant createdAt) {
    }

    /** An unknown, replaced or revoked feed. */
    public static class FeedNotFoundException extends ProblemException {
        FeedNotFoundException() {
            super(404, "calendar-feed-not-found", "No such calendar feed",
                    "This calendar address is not (or no longer) valid; make a new one in Nanum.");
        }
    }

    @POST
    @Path("/feed")
    @RolesAllowed(Roles.RESIDENT)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Make my private calendar address",
            description = "An iCalendar (RFC 5545) address of the caller's bookings and loans, to subscribe to in a "
                    + "calendar app. Anyone with the address can read it: it is shown once, and making a new one "
                    + "revokes the old.")
    @APIResponse(responseCode = "201", description = "The address")
    public Response create() {
        CalendarService.Feed feed = calendars.renew(signIn.ifSignedIn().orElseThrow());
        String url = uri.getBaseUriBuilder().path(CalendarResource.class).path(feed.token() + ".ics").build().toString();
        return Response.status(201).entity(new FeedView(url, feed.createdAt())).build();
    }

    @DELETE
    @Path("/feed")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Revoke my calendar address", description = "The address stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked (or there was none)")
    public Response revoke() {
        calendars.revoke(signIn.ifSignedIn().orElseThrow());
        return Response.noContent().build();
    }

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @Produces("text/calendar; charset=utf-8")
    @Operation(summary = "A calendar feed",
            description = "The bookings (with cancelled ones marked) and approved or current loans of the resident "
                    + "whose address this is. No sign-in: the address is the key.")
    @APIResponse(responseCode = "404", description = "Unknown, replaced or revoked address")
    public String feed(@PathParam("token") String token) {
        if (token.length() > 100) {
            throw new FeedNotFoundException();
        }
        return calendars.render(token).orElseThrow(FeedNotFoundException::new);
    }
}
