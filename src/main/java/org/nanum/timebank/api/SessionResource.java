package org.nanum.timebank.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.nanum.lending.application.ConversationService;
import org.nanum.lending.domain.Message;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;
import org.nanum.timebank.application.SessionRequest;
import org.nanum.timebank.application.SessionService;
import org.nanum.timebank.application.TimebankViews.CareNoteView;
import org.nanum.timebank.application.TimebankViews.SessionView;

@Path("/timebank/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Time bank sessions", description = "Babysitting swaps and services between households, paid in minutes")
public class SessionResource {
    @Inject
    SessionService sessions;
    @Inject
    ConversationService conversations;
    @Inject
    SignedInUserProducer signIn;
    @Context
    UriInfo uri;

    /** The duration one side confirms (the scheduled minutes when absent). */
    public record Confirmation(Integer minutes) {
    }

    /** A reason: required to dispute; optional for a no-show. */
    public record Note(@Size(max = 400, message = "at most 400 characters") String reason) {
    }

    /** Staff's decision on a dispute: minutes to post, or none to void the hold. */
    public record Settlement(Integer minutes, @Size(max = 500, message = "at most 500 characters") String reason) {
    }

    /** What the sitter needs to know for this session; every part optional, children's first names only if you wish. */
    public record CareNoteRequest(@Size(max = 200, message = "at most 200 characters") String emergencyContact,
                                  @Size(max = 500, message = "at most 500 characters") String allergies,
                                  @Size(max = 200, message = "at most 200 characters") String childrenNames) {
    }

    public record MessageRequest(String body) {
    }

    @POST
    @Operation(summary = "Take up a childcare or service listing",
            description = "An offer: the caller's household receives the time; the session is SCHEDULED and the minutes "
                    + "are held from the caller's account at once. A request: the caller gives the time (childcare: a "
                    + "verified sitter); the session is PROPOSED until the family accepts. Childcare sessions lie within "
                    + "the listing's window and take at most its number of children.")
    @APIResponse(responseCode = "201", description = "The session")
    @APIResponse(responseCode = "400", description = "Times in the past, outside the listing's window, too short or long; too many children")
    @APIResponse(responseCode = "403", description = "The sitter's checks are not on record (sitter-not-verified)")
    @APIResponse(responseCode = "404", description = "No such listing, or the caller is in no household")
    @APIResponse(responseCode = "409", description = "One's own listing, the provider busy then, not a childcare or "
            + "service listing, or over the time bank's limits")
    public Response start(@Valid @NotNull(message = "a JSON body is required") SessionRequest body) {
        SessionView v = sessions.start(user(), body);
        return Response.created(uri.getBaseUriBuilder().path(SessionResource.class).path(v.id()).build()).entity(v).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My household's sessions", description = "Given and received, newest first, from 90 days ago on.")
    public List<SessionView> mine() {
        return sessions.mine(user());
    }

    @GET
    @Path("/disputes")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Sessions in dispute (staff)",
            description = "What both sides confirmed and the reason given; never the care note.")
    public List<SessionView> disputes() {
        return sessions.disputes(user());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A session", description = "For the members of its two households.")
    @APIResponse(responseCode = "404", description = "No session of the caller's household has that id")
    public SessionView find(@PathParam("id") String id) {
        return sessions.find(user(), id);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept an answer to my request (the receiving family)", description = "The minutes are held.")
    @APIResponse(responseCode = "403", description = "The provider cannot accept for the family")
    @APIResponse(responseCode = "409", description = "Not PROPOSED, start passed, or over the limits")
    public SessionView accept(@PathParam("id") String id) {
        return sessions.accept(user(), id);
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "Decline an answer to my request (the receiving family)",
            description = "Nothing was held, nothing moves; the provider is told.")
    @APIResponse(responseCode = "403", description = "The provider cannot decline for the family (cancel instead)")
    public SessionView decline(@PathParam("id") String id) {
        return sessions.decline(user(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Call a session off before it starts (either side)", description = "The held minutes are released.")
    @APIResponse(responseCode = "409", description = "Started, or already over")
    public SessionView cancel(@PathParam("id") String id) {
        return sessions.cancel(user(), id);
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm the time given (either side, once it has started)",
            description = "minutes: the actual duration, within TIMEBANK_ADJUST_MAX_MINUTES of the scheduled one (the "
                    + "scheduled one when absent). When both sides confirmed the same minutes they post; if they "
                    + "differ, the other side agrees by confirming the same, or disputes.")
    @APIResponse(responseCode = "400", description = "minutes outside what may be adjusted")
    @APIResponse(responseCode = "409", description = "Not started, not SCHEDULED, or an increase over the payer's limits")
    public SessionView confirm(@PathParam("id") String id, @Valid Confirmation body) {
        return sessions.confirm(user(), id, body == null ? null : body.minutes());
    }

    @POST
    @Path("/{id}/no-show")
    @Operation(summary = "Report that the other side did not come (a claim, not a verdict)",
            description = "The session becomes NO_SHOW_CLAIMED: the minutes stay held and the other side is told. It "
                    + "confirms the claim (POST …/no-show/confirm: the hold is voided) or disputes it (POST …/dispute: "
                    + "staff decide) until answerBy, TIMEBANK_NO_SHOW_ANSWER_HOURS later; unanswered by then, the claim "
                    + "stands and the hold is voided. If the other side has already confirmed the session, it goes to "
                    + "staff as a dispute at once. reason: an optional note, at most 400 characters.")
    @APIResponse(responseCode = "400", description = "A note over 400 characters")
    @APIResponse(responseCode = "409", description = "Not started yet, or not SCHEDULED")
    public SessionView noShow(@PathParam("id") String id, @Valid Note body) {
        return sessions.noShow(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/no-show/confirm")
    @Operation(summary = "Agree that you did not come (the side said to be absent)",
            description = "The no-show claim stands: the held minutes go back to the family and nothing is paid.")
    @APIResponse(responseCode = "403", description = "The side that made the claim (not-your-turn)")
    @APIResponse(responseCode = "409", description = "No no-show claimed")
    public SessionView confirmNoShow(@PathParam("id") String id) {
        return sessions.confirmNoShow(user(), id);
    }

    @POST
    @Path("/{id}/dispute")
    @Operation(summary = "Disagree about a session: staff decide",
            description = "With a reason (at most 400 characters). The side said to be absent disputes a no-show "
                    + "claim this way; the side that made the claim cannot.")
    @APIResponse(responseCode = "400", description = "No reason, or one over 400 characters")
    @APIResponse(responseCode = "403", description = "A no-show claim disputed by the side that made it")
    public SessionView dispute(@PathParam("id") String id, @Valid Note body) {
        return sessions.dispute(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/settle")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Settle a dispute (staff)",
            description = "Post the minutes given (at most the scheduled ones plus the adjustment allowed), or leave "
                    + "minutes out to void the hold. The reason goes to both households and the audit record. Staff do "
                    + "not settle their own household's sessions.")
    @APIResponse(responseCode = "409", description = "Not DISPUTED")
    public SessionView settle(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Settlement body) {
        return sessions.settle(user(), id, body.minutes(), body.reason());
    }

    @PUT
    @Path("/{id}/care-note")
    @Operation(summary = "Write what the sitter needs to know (the family)",
            description = "Emergency contact, allergies, children's first names if you choose. Only this session's sitter "
                    + "and your household read it; it is erased when the session is settled, or six hours after it ends.")
    @APIResponse(responseCode = "403", description = "Not the family of this session")
    @APIResponse(responseCode = "409", description = "Not a childcare session, or over")
    public CareNoteView writeCareNote(@PathParam("id") String id,
                                      @Valid @NotNull(message = "a JSON body is required") CareNoteRequest body) {
        return sessions.writeCareNote(user(), id, body.emergencyContact(), body.allergies(), body.childrenNames());
    }

    @GET
    @Path("/{id}/care-note")
    @Operation(summary = "Read the care note (this session's sitter, the family)",
            description = "Not the sitter's housemates, not staff. Gone once the session is settled or six hours after it ends.")
    @APIResponse(responseCode = "403", description = "A member of the sitter's household other than the sitter")
    @APIResponse(responseCode = "404", description = "None written, or erased")
    public CareNoteView careNote(@PathParam("id") String id) {
        return sessions.careNote(user(), id);
    }

    @GET
    @Path("/{id}/messages")
    @Tag(name = "Conversations")
    @Operation(summary = "The thread of a session", description = "The members of its two households; oldest first.")
    @APIResponse(responseCode = "404", description = "No session of the caller's household has that id")
    public List<ConversationService.MessageView> thread(@PathParam("id") String id) {
        ConversationService.Participants people = sessions.participantsOf(user(), id);
        return conversations.read(user(), Message.Thread.SESSION, id, people);
    }

    @POST
    @Path("/{id}/messages")
    @Tag(name = "Conversations")
    @Operation(summary = "Write in the thread of a session", description = "The other members are notified.")
    @APIResponse(responseCode = "201", description = "The message")
    @APIResponse(responseCode = "400", description = "Empty or longer than 2,000 characters")
    public Response write(@PathParam("id") String id, MessageRequest body) {
        ConversationService.Participants people = sessions.participantsOf(user(), id);
        return Response.status(201).entity(conversations.write(user(), Message.Thread.SESSION, id, people,
                body == null ? null : body.body())).build();
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
