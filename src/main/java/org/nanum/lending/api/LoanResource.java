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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.catalogue.domain.ListingDetails.Condition;
import org.nanum.lending.application.LoanRequest;
import org.nanum.lending.application.LoanService;
import org.nanum.lending.application.LoanViews;
import org.nanum.lending.application.LoanViews.LoanView;
import org.nanum.lending.domain.Loan;
import org.nanum.platform.rest.ProblemException;
import org.nanum.lending.application.ConversationService;
import org.nanum.lending.domain.Message;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/loans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Loans", description = "Borrowing goods: request, approval, pick-up, return")
public class LoanResource {
    @Inject
    LoanService loans;
    @Inject
    org.nanum.lending.application.DepositAppeals depositAppeals;
    @Inject
    SignedInUserProducer signIn;
    @Inject
    ConversationService conversations;
    @Context
    UriInfo uri;

    /** A decision's note or reason (required to decline, to cancel as lender, to record a loss). */
    public record Note(@Size(max = 500, message = "at most 500 characters") String reason) {
    }

    /** The item's condition when it changes hands, and any damage seen on return. */
    public record Handover(@NotNull(message = "say what condition it is in") Condition condition,
                           @Size(max = 1000, message = "at most 1000 characters") String damage) {
    }

    /** Staff's decision on a deposit. */
    public record DepositDecision(@NotNull(message = "RELEASED, PARTLY_KEPT or KEPT") Loan.DepositOutcome outcome,
                                  Integer keptKrw,
                                  @Size(max = 500, message = "at most 500 characters") String reason) {
    }

    /** A rating from 1 to 5 and a short comment about the other party of a closed loan. */
    public record ReferenceRequest(@NotNull(message = "give a rating") @jakarta.validation.constraints.Min(value = 1,
            message = "1 to 5") @jakarta.validation.constraints.Max(value = 5, message = "1 to 5") Integer rating,
                                   @Size(max = 500, message = "at most 500 characters") String comment) {
    }

    /** The new last day of a renewed loan. */
    public record Renewal(@NotNull(message = "give the new last day") LocalDate lastDay) {
    }

    @POST
    @Operation(summary = "Ask to borrow an item",
            description = "For days from firstDay to lastDay (the city's calendar), at most the item's loan period. "
                    + "The lender approves or declines. Limits: LOAN_MAX_ACTIVE, LOAN_MAX_DAYS_AHEAD (GET /api/policy).")
    @APIResponse(responseCode = "201", description = "The request")
    @APIResponse(responseCode = "400", description = "Days in the past, reversed, too long or too far ahead")
    @APIResponse(responseCode = "409", description = "Lent on those days (days-taken), one's own item (own-item), "
            + "not lendable then (item-not-lendable), or over the limit (loan-limit-reached)")
    public Response request(@Valid @NotNull(message = "a JSON body is required") LoanRequest body) {
        LoanView view = loans.request(user(), body);
        return Response.created(uri.getBaseUriBuilder().path(LoanResource.class).path(view.id()).build())
                .entity(view).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My loans (as borrower)", description = "Newest first, with whether each is overdue.")
    public List<LoanView> mine() {
        return loans.mine(user());
    }

    @GET
    @Path("/lending")
    @Operation(summary = "What I lend: requests, approved and out (lender; staff: the city's tool library too)",
            description = "The loans not yet over of every item the caller manages, soonest first, with the borrowers' "
                    + "names and standing, and whether each is overdue.")
    public List<LoanView> lending() {
        return loans.lending(user());
    }

    @GET
    @Operation(summary = "An item's loans and requests (its lender)",
            description = "For the item's owner, or staff for the city's tool library; with the borrowers' names.")
    @APIResponse(responseCode = "400", description = "item is missing")
    @APIResponse(responseCode = "403", description = "Not the item's lender")
    public List<LoanView> ofItem(@QueryParam("item") String item) {
        if (item == null || item.isBlank()) {
            throw new ProblemException.InvalidField("item", "give the item's id");
        }
        return loans.ofItem(user(), item);
    }

    @GET
    @Path("/deposits")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Deposits awaiting a decision (staff)",
            description = "Loans returned or lost whose deposit staff have not decided on yet, oldest first (at most "
                    + "500), with the borrower's name, the condition and any damage recorded. Decide with POST "
                    + "/api/loans/{id}/deposit.")
    public List<LoanView> depositsAwaitingDecision() {
        return loans.awaitingDepositDecision(user());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A loan", description = "For its borrower and its lender.")
    @APIResponse(responseCode = "404", description = "No loan the caller may see has that id")
    public LoanView find(@PathParam("id") String id) {
        return loans.find(user(), id);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a request (lender)", description = "Holds the days for the borrower and shows them "
            + "the pick-up place. 409 days-taken if another approved loan has one of the days.")
    @APIResponse(responseCode = "403", description = "The borrower cannot approve their own request")
    @APIResponse(responseCode = "409", description = "Not REQUESTED, or the days are taken")
    public LoanView approve(@PathParam("id") String id, @Valid Note body) {
        return loans.approve(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "Decline a request (lender)", description = "With a reason the borrower reads.")
    public LoanView decline(@PathParam("id") String id, @Valid Note body) {
        return loans.decline(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel before pick-up", description = "The borrower, or the lender with a reason. Frees the days.")
    public LoanView cancel(@PathParam("id") String id, @Valid Note body) {
        return loans.cancel(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/pickup")
    @Operation(summary = "Hand the item over (lender)", description = "Notes its condition; the loan is OUT.")
    public LoanView pickUp(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Handover body) {
        return loans.pickUp(user(), id, body.condition());
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "Take the item back (lender)", description = "Notes its condition and any damage; the days "
            + "left are free again.")
    public LoanView giveBack(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Handover body) {
        return loans.giveBack(user(), id, body.condition(), body.damage());
    }

    @POST
    @Path("/{id}/lost")
    @Operation(summary = "Record the item lost (lender)", description = "With what happened; frees the days.")
    public LoanView lost(@PathParam("id") String id, @Valid Note body) {
        return loans.lose(user(), id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/renew")
    @Operation(summary = "Keep it longer (borrower)", description = "While nobody has asked for those days, within the "
            + "item's loan period and LOAN_MAX_RENEWALS.")
    @APIResponse(responseCode = "409", description = "renewal-refused or days-taken")
    public LoanView renew(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Renewal body) {
        return loans.renew(user(), id, body.lastDay());
    }

    @POST
    @Path("/{id}/deposit")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Decide a deposit (staff)",
            description = "Once the item is back or lost: RELEASED (all back), PARTLY_KEPT (keptKrw kept, with a reason) "
                    + "or KEPT (all kept, with a reason). Recorded in the audit trail; the borrower may appeal to the "
                    + "council. Staff do not decide on their own loans.")
    @APIResponse(responseCode = "403", description = "Not staff, or the caller's own loan")
    @APIResponse(responseCode = "409", description = "Not returned or lost yet, no deposit, or already decided")
    public LoanView deposit(@PathParam("id") String id,
                            @Valid @NotNull(message = "a JSON body is required") DepositDecision body) {
        return loans.decideDeposit(user(), id, body.outcome(), body.keptKrw(), body.reason());
    }

    /** Why a deposit should come back. */
    public record DepositAppealRequest(@Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    @POST
    @Path("/{id}/deposit/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Appeal a deposit decision to the council",
            description = "The borrower, once, within 30 days of staff's decision to keep part or all of the deposit, "
                    + "with a reason. A council member hears it: upheld, or overturned and the whole deposit released.")
    @APIResponse(responseCode = "201", description = "The appeal, ROUTED to the council")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "Not the caller's loan")
    @APIResponse(responseCode = "409", description = "Nothing kept, more than 30 days ago, or appealed already")
    public Response appealDeposit(@PathParam("id") String id,
                                  @Valid @NotNull(message = "a JSON body is required") DepositAppealRequest body) {
        return Response.status(201).entity(depositAppeals.appeal(user(), id, body.reason())).build();
    }

    @GET
    @Path("/{id}/deposit/appeal")
    @Operation(summary = "My appeal of a deposit decision",
            description = "The decision appealed, and the council's outcome once heard.")
    @APIResponse(responseCode = "404", description = "Not the caller's loan, or no appeal")
    public org.nanum.lending.application.DepositAppeals.AppealView depositAppeal(@PathParam("id") String id) {
        return depositAppeals.mine(user(), id);
    }

    @POST
    @Path("/{id}/reference")
    @Operation(summary = "Leave a reference after a loan",
            description = "Once the item is back, its borrower (about the lender) and its lender (about the borrower) "
                    + "may each leave one rating and comment. Lenders see a requester's references.")
    @APIResponse(responseCode = "201", description = "The reference")
    @APIResponse(responseCode = "409", description = "The loan is not returned, or a reference was already left")
    public Response reference(@PathParam("id") String id,
                              @Valid @NotNull(message = "a JSON body is required") ReferenceRequest body) {
        return Response.status(201).entity(loans.reference(user(), id, body.rating(), body.comment())).build();
    }

    @GET
    @Path("/references/mine")
    @Operation(summary = "References about me, and by me", description = "With the caller's standing: how many and the average rating.")
    public LoanViews.References references() {
        return loans.references(user());
    }

    /** A message: plain text, at most 2,000 characters. */
    public record MessageRequest(String body) {
    }

    // The same two operations are on bookings: each resource keeps its own, so the API document
    // names every operation once (one shared sub-resource gave two operations one operationId).
    @GET
    @Path("/{id}/messages")
    @Tag(name = "Conversations", description = "Arranging a loan or a booking without giving out phone numbers")
    @Operation(summary = "The thread of a loan", description = "Its borrower and its lender only; oldest first. Nobody's contact details are "
            + "shown unless they write them.")
    @APIResponse(responseCode = "404", description = "No loan the caller takes part in has that id")
    public List<ConversationService.MessageView> thread(@PathParam("id") String id) {
        return conversations.read(user(), Message.Thread.LOAN, id);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Conversations")
    @Operation(summary = "Write in the thread of a loan", description = "Its borrower and its lender only. The other side is notified.")
    @APIResponse(responseCode = "201", description = "The message")
    @APIResponse(responseCode = "400", description = "Empty or longer than 2,000 characters")
    @APIResponse(responseCode = "404", description = "No loan the caller takes part in has that id")
    public Response write(@PathParam("id") String id, MessageRequest body) {
        return Response.status(201).entity(conversations.write(user(), Message.Thread.LOAN, id,
                body == null ? null : body.body())).build();
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
