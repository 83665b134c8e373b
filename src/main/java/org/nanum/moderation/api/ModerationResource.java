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
import jakarta.ws.rs.core.Response;
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
    org.nanum.moderation.application.DecisionsAboutMe decisions;
    @Inject
    org.nanum.moderation.application.ProhibitedTerms terms;

    public record TermRequest(@Size(max = 100, message = "at most 100 characters") String term,
                              @Size(max = 60, message = "a category code") String category,
                              @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }
    @Inject
    SignedInUserProducer signIn;

    public record Decision(@NotNull(message = "DISMISS, HIDE, RESTORE, WARN or SUSPEND") ModerationCase.Decision decision,
                           @NotNull(message = "choose the reason's category") Reason category,
                           @Size(max = 2000, message = "at most 2000 characters") String reason,
                           Integer days) {
    }

    public record Lift(@Size(max = 2000, message = "at most 2000 characters") String reason) {
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
            description = "DISMISS; HIDE / RESTORE a listing or photo; WARN or SUSPEND (for 'days', 1 to 365) the "
                    + "resident the case is about: while suspended they cannot borrow, book, take part in sessions or "
                    + "publish, and their listings are hidden. With a reason category (public) and a reason (audited; "
                    + "the owner and the reporters are told). Closes the case and its reports and writes the public log.")
    @APIResponse(responseCode = "400", description = "No decision, category or reason")
    @APIResponse(responseCode = "403", description = "The case is about the caller's own listing, household or person")
    @APIResponse(responseCode = "409", description = "The case is closed (case-closed), or HIDE/RESTORE of something "
            + "that is not a listing or photo (decision-not-applicable)")
    public CaseView decide(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Decision body) {
        return queue.decide(user(), id, body.decision(), body.category(), body.reason(), body.days());
    }

    @POST
    @Path("/cases/{id}/suspension-lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift the suspension a case imposed (staff)",
            description = "Before it ends, with a reason (audited): the resident is active again and what the "
                    + "suspension hid is shown again. A suspension also ends by itself when its days are over.")
    @APIResponse(responseCode = "409", description = "The case suspended nobody, or the suspension has ended")
    public CaseView lift(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Lift body) {
        return queue.liftSuspension(user(), id, body.reason());
    }

    public record AppealRequest(@Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    @GET
    @Path("/decisions/mine")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Decisions about my things or about me",
            description = "What staff decided (other than dismissals) about my listings, photos, messages, references, "
                    + "my household's sessions or my account, with their reason in their words, never who reported; "
                    + "and until when each may be appealed.")
    public List<org.nanum.moderation.application.DecisionsAboutMe.DecisionView> decisionsAboutMe() {
        return decisions.mine(user());
    }

    @POST
    @Path("/decisions/{caseId}/appeal")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal a decision to the council",
            description = "Once per decision, within 30 days, with a reason: the appeal is recorded, appears in the "
                    + "public log (without your identity) and is heard by the council.")
    @APIResponse(responseCode = "201", description = "The decision, with its appeal ROUTED")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No decision about the caller's things has that id")
    @APIResponse(responseCode = "409", description = "Appealed already, dismissed, or more than 30 days ago (appeal-not-allowed)")
    public Response appeal(@PathParam("caseId") String caseId,
                           @Valid @NotNull(message = "a JSON body is required") AppealRequest body) {
        return Response.status(201).entity(decisions.appeal(user(), caseId, body.reason())).build();
    }

    @GET
    @Path("/prohibited-terms")
    @Operation(summary = "The words and categories that hold a listing for review (staff)",
            description = "A listing whose title or description holds one of the words (any language, any case), or "
                    + "whose category is one of them or below one, goes to the queue instead of being published.")
    public List<org.nanum.moderation.application.ProhibitedTerms.TermView> terms() {
        return terms.all();
    }

    @POST
    @Path("/prohibited-terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a word or a category (staff)", description = "With a reason, audited.")
    @APIResponse(responseCode = "201", description = "The entry")
    @APIResponse(responseCode = "400", description = "Neither word nor category, a one-letter word, or no reason")
    @APIResponse(responseCode = "409", description = "On the list already (term-exists)")
    public Response addTerm(@Valid @NotNull(message = "a JSON body is required") TermRequest body) {
        return Response.status(201).entity(terms.add(user(), body.term(), body.category(), body.reason())).build();
    }

    @jakarta.ws.rs.DELETE
    @Path("/prohibited-terms/{id}")
    @Operation(summary = "Remove a word or a category (staff)", description = "Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such entry")
    public Response removeTerm(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("reason") String reason) {
        terms.remove(user(), id, reason);
        return Response.noContent().build();
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
