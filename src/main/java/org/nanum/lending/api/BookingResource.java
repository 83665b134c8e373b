package org.nanum.lending.api;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.lending.application.BlockSpaceRequest;
import org.nanum.lending.application.BookSpaceRequest;
import org.nanum.lending.application.BookingService;
import org.nanum.lending.application.BookingViews.Booked;
import org.nanum.lending.application.BookingViews.BookingView;
import org.nanum.lending.application.ConversationService;
import org.nanum.lending.domain.Message;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/bookings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Bookings", description = "Booking shared spaces: rooms, halls, workshops")
public class BookingResource {
    @Inject
    BookingService bookings;
    @Inject
    SignedInUserProducer signIn;
    @Inject
    ConversationService conversations;
    @Context
    UriInfo uri;

    /** Why a booking is cancelled (required from the space's staff or owner; the booker is told). */
    public record CancelRequest(@Size(max = 500, message = "at most 500 characters") String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a space",
            description = "Books whole slots of a space inside its bookable hours (the city's time), once or on the same "
                    + "weekday and time for several weeks. A time is never taken twice: when any of it is taken the "
                    + "answer is 409 slot-taken naming the dates that clash (errors[].field dates[i]); with "
                    + "allOrNothing=false the free dates are booked and the taken ones listed in skipped. Limits "
                    + "(future bookings per resident, hours, weeks, days ahead) are policy values: GET /api/policy.")
    @APIResponse(responseCode = "201", description = "The bookings made (and the dates skipped)")
    @APIResponse(responseCode = "400", description = "Times in the past, reversed, off the slot grid or outside the hours")
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "409", description = "Taken (slot-taken), the space takes no bookings "
            + "(space-not-bookable), one's own space (own-space), or over the limit (booking-limit-reached)")
    public Response book(@Valid @NotNull(message = "a JSON body is required") BookSpaceRequest body) {
        Booked booked = bookings.book(user(), body);
        return Response.created(uri.getBaseUriBuilder().path(BookingResource.class)
                .path(booked.bookings().get(0).id()).build()).entity(booked).build();
    }

    @POST
    @Path("/blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a space for a period (its staff or owner)",
            description = "Takes any period on quarter hours, up to 31 days (repairs, a city event), with the reason "
                    + "residents see. Refused with 409 while bookings fall in it: cancel those first. Recorded in the "
                    + "audit trail.")
    @APIResponse(responseCode = "201", description = "The block")
    @APIResponse(responseCode = "403", description = "Not the space's staff or owner")
    @APIResponse(responseCode = "409", description = "Bookings fall in that period (slot-taken, listing them)")
    public Response block(@Valid @NotNull(message = "a JSON body is required") BlockSpaceRequest body) {
        BookingView view = bookings.block(user(), body);
        return Response.created(uri.getBaseUriBuilder().path(BookingResource.class).path(view.id()).build())
                .entity(view).build();
    }

    @GET
    @Path("/managed")
    @Operation(summary = "Bookings of the spaces I manage (staff: the city's)",
            description = "Bookings and blocks touching the days from..to (at most 92 days) of every space the caller "
                    + "manages, with who booked.")
    @APIResponse(responseCode = "400", description = "from or to missing, not YYYY-MM-DD, or more than 92 days apart")
    public List<BookingView> managed(@jakarta.ws.rs.QueryParam("from") String from, @jakarta.ws.rs.QueryParam("to") String to) {
        java.time.LocalDate first = SpaceResource.date("from", from);
        java.time.LocalDate last = SpaceResource.date("to", to);
        if (last.isBefore(first) || java.time.temporal.ChronoUnit.DAYS.between(first, last) > 92) {
            throw new org.nanum.platform.rest.ProblemException.InvalidField("to", "from 0 to 92 days after from");
        }
        return bookings.managed(user(), first, last);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My bookings", description = "The caller's bookings that have not ended, and those of the last 30 days.")
    public List<BookingView> mine() {
        return bookings.mine(user());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A booking", description = "For its booker, and for the space's staff or owner (who also see the "
            + "booker's name).")
    @APIResponse(responseCode = "404", description = "No booking the caller may see has that id")
    public BookingView find(@PathParam("id") String id) {
        return bookings.find(user(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a booking or a block",
            description = "The booker may cancel until BOOKING_FREE_CANCEL_HOURS before the start (GET /api/policy); "
                    + "the space's staff or owner may cancel any booking before it ends, giving a reason, which is "
                    + "recorded in the audit trail. The slots are free again at once.")
    @APIResponse(responseCode = "400", description = "Staff or owner gave no reason")
    @APIResponse(responseCode = "404", description = "No booking the caller may see has that id")
    @APIResponse(responseCode = "409", description = "Too late to cancel here, already cancelled, or over")
    public BookingView cancel(@PathParam("id") String id, @Valid CancelRequest body) {
        return bookings.cancel(user(), id, body == null ? null : body.reason());
    }

    /** A message: plain text, at most 2,000 characters. */
    public record MessageRequest(String body) {
    }

    // The same two operations are on bookings: each resource keeps its own, so the API document
    // names every operation once (one shared sub-resource gave two operations one operationId).
    @GET
    @Path("/{id}/messages")
    @Tag(name = "Conversations", description = "Arranging a loan or a booking without giving out phone numbers")
    @Operation(summary = "The thread of a booking", description = "Its booker and the space's staff or owner only; oldest first. Nobody's contact details are "
            + "shown unless they write them.")
    @APIResponse(responseCode = "404", description = "No booking the caller takes part in has that id")
    public List<ConversationService.MessageView> thread(@PathParam("id") String id) {
        return conversations.read(user(), Message.Thread.BOOKING, id);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Conversations")
    @Operation(summary = "Write in the thread of a booking", description = "Its booker and the space's staff or owner only. The other side is notified.")
    @APIResponse(responseCode = "201", description = "The message")
    @APIResponse(responseCode = "400", description = "Empty or longer than 2,000 characters")
    @APIResponse(responseCode = "404", description = "No booking the caller takes part in has that id")
    public Response write(@PathParam("id") String id, MessageRequest body) {
        return Response.status(201).entity(conversations.write(user(), Message.Thread.BOOKING, id,
                body == null ? null : body.body())).build();
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
