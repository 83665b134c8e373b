package org.nanum.lending.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.lending.application.BookingService;
import org.nanum.lending.application.BookingViews.BookingView;
import org.nanum.lending.application.BookingViews.SpaceDay;
import org.nanum.platform.rest.ProblemException;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/spaces/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
public class SpaceResource {
    @Inject
    BookingService bookings;
    @Inject
    SignedInUserProducer signIn;

    @GET
    @Path("/day")
    @PermitAll
    @Operation(summary = "A day of a space: free and taken slots",
            description = "The slots of the space's grid on that date (the city's calendar), each free or not. Nobody's "
                    + "name is shown. closedBecause says why a day has no slots.")
    @APIResponse(responseCode = "400", description = "date is missing or not YYYY-MM-DD")
    @APIResponse(responseCode = "404", description = "No such space")
    @APIResponse(responseCode = "409", description = "The space takes no bookings online")
    public SpaceDay day(@PathParam("id") String id, @QueryParam("date") String date) {
        return bookings.day(signIn.ifSignedIn().orElse(null), id, date("date", date));
    }

    @GET
    @Path("/bookings")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "A space's bookings, with who booked (its staff or owner)",
            description = "Bookings and blocks touching the days from..to (at most 92 days), cancelled ones included.")
    @APIResponse(responseCode = "403", description = "Not the space's staff or owner")
    public List<BookingView> bookings(@PathParam("id") String id, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) > 92) {
            throw new ProblemException.InvalidField("to", "from 0 to 92 days after from");
        }
        return bookings.ofSpace(signIn.ifSignedIn().orElseThrow(), id, first, last);
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ProblemException.InvalidField(field, "give a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException.InvalidField(field, "a date as YYYY-MM-DD");
        }
    }
}
