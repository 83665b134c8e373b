package org.nanum.council.api;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.council.application.PetitionService;
import org.nanum.council.application.PetitionService.PetitionView;
import org.nanum.council.application.ProposalService;
import org.nanum.council.application.ProposalService.ProposalView;
import org.nanum.council.domain.Ballot;
import org.nanum.council.domain.Petition;
import org.nanum.council.domain.Proposal;
import org.nanum.platform.rest.QueryParams;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;

@Path("/council")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Tag(name = "Council decisions", description = "Proposals, votes and petitions that set the platform's rules, in the open")
public class ProposalResource {
    @Inject
    ProposalService proposals;
    @Inject
    PetitionService petitions;
    @Inject
    SignedInUserProducer signIn;

    public record NewProposal(@NotNull(message = "the council") String councilId,
                              @NotNull(message = "a policy GET /api/policy lists") String policy,
                              @NotNull(message = "the new value") Integer value,
                              Instant effectiveFrom,
                              @Size(max = 4000, message = "at most 4000 characters") String rationale) {
    }

    public record NewPetition(@NotNull(message = "the council") String councilId,
                              @NotNull(message = "a policy GET /api/policy lists") String policy,
                              @NotNull(message = "the new value") Integer value,
                              @Size(max = 4000, message = "at most 4000 characters") String rationale) {
    }

    public record NewComment(@Size(max = 2000, message = "at most 2000 characters") String body) {
    }

    public record NewBallot(@NotNull(message = "YES, NO or ABSTAIN") Ballot.Choice choice) {
    }

    @GET
    @Path("/proposals")
    @PermitAll
    @Operation(summary = "Proposals and decisions",
            description = "Public, newest first; filter by councilId and status (OPEN, PASSED, REJECTED, NO_QUORUM). "
                    + "Each says its phase (COMMENTS, VOTING, COUNTING, DECIDED), its windows, its quorum, and once "
                    + "counted the members and the yes, no and abstaining counts. Ballots are secret.")
    @APIResponse(responseCode = "400", description = "An unknown status (the field is named)")
    public List<ProposalView> proposals(@QueryParam("councilId") String councilId,
                                        @QueryParam("status") String status) {
        return proposals.list(councilId, QueryParams.oneOf(Proposal.Status.class, "status", status),
                signIn.ifSignedIn().orElse(null));
    }

    @GET
    @Path("/proposals/{id}")
    @PermitAll
    @Operation(summary = "A proposal, its comments and its outcome",
            description = "Public. A signed-in member also sees their own ballot.")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalView proposal(@PathParam("id") String id) {
        return proposals.find(id, signIn.ifSignedIn().orElse(null));
    }

    @POST
    @Path("/proposals")
    @RolesAllowed(Roles.COUNCIL)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a new value for a policy (council member)",
            description = "A member of the council for its term in force proposes a value within the policy's range, "
                    + "with a rationale. It is open for comments for COUNCIL_COMMENT_DAYS, then members vote for "
                    + "COUNCIL_VOTING_DAYS; if it passes it takes effect at effectiveFrom (not before the vote closes; "
                    + "by default when it does). The councils' own procedure (COUNCIL_*) is not theirs to vote on.")
    @APIResponse(responseCode = "201", description = "The proposal, open for comments")
    @APIResponse(responseCode = "400", description = "Unknown policy, value out of range, no rationale, effectiveFrom too early")
    @APIResponse(responseCode = "403", description = "No seat on that council for its term in force, or a staff or "
            + "admin role (not-a-council-member, city-role-cannot-take-part)")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "The vote would close after the term ends (term-conflict), or the "
            + "policy is the councils' procedure or already has that value (policy-not-proposable)")
    public Response propose(@Valid @NotNull(message = "a JSON body is required") NewProposal body) {
        return Response.status(201).entity(proposals.propose(user(), body.councilId(), body.policy(), body.value(),
                body.effectiveFrom(), body.rationale())).build();
    }

    @POST
    @Path("/proposals/{id}/comments")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a proposal (resident or council member)",
            description = "While it is open for comments; comments are public, with the author's display name. Staff "
                    + "and admins do not comment: they act for the city.")
    @APIResponse(responseCode = "201", description = "The proposal with its comments")
    @APIResponse(responseCode = "400", description = "No text, or too long")
    @APIResponse(responseCode = "403", description = "Staff or admin, or suspended")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Comments are closed (outside-window)")
    public Response comment(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") NewComment body) {
        return Response.status(201).entity(proposals.comment(user(), id, body.body())).build();
    }

    @POST
    @Path("/proposals/{id}/votes")
    @RolesAllowed(Roles.COUNCIL)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vote on a proposal (council member)",
            description = "YES, NO or ABSTAIN, once, in the voting window, by a member of the term in which it was "
                    + "proposed. Secret: the public record has the counts. Staff and admins do not vote.")
    @APIResponse(responseCode = "201", description = "The proposal, with the caller's ballot")
    @APIResponse(responseCode = "400", description = "No choice")
    @APIResponse(responseCode = "403", description = "Not a member of that council and term, or a staff or admin role")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Outside the voting window (outside-window), or voted already")
    public Response vote(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") NewBallot body) {
        return Response.status(201).entity(proposals.vote(user(), id, body.choice())).build();
    }

    @GET
    @Path("/petitions")
    @PermitAll
    @Operation(summary = "Residents' petitions",
            description = "Public, newest first; filter by councilId and status (OPEN, QUALIFIED, ON_AGENDA, LAPSED). "
                    + "Supporters are counted, never listed.")
    @APIResponse(responseCode = "400", description = "An unknown status (the field is named)")
    public List<PetitionView> petitions(@QueryParam("councilId") String councilId,
                                        @QueryParam("status") String status) {
        return petitions.list(councilId, QueryParams.oneOf(Petition.Status.class, "status", status),
                signIn.ifSignedIn().orElse(null));
    }

    @GET
    @Path("/petitions/{id}")
    @PermitAll
    @Operation(summary = "A petition", description = "Public; a signed-in resident also sees whether they support it.")
    @APIResponse(responseCode = "404", description = "No such petition")
    public PetitionView petition(@PathParam("id") String id) {
        return petitions.find(id, signIn.ifSignedIn().orElse(null));
    }

    @POST
    @Path("/petitions")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a petition (resident)",
            description = "Ask a council to vote on a new value of a policy it decides, with a rationale. The starter "
                    + "is its first supporter. With COUNCIL_PETITION_SUPPORTERS supporters within "
                    + "COUNCIL_PETITION_DAYS it must go on the council's agenda: it becomes a proposal.")
    @APIResponse(responseCode = "201", description = "The petition")
    @APIResponse(responseCode = "400", description = "Unknown policy, value out of range, no rationale")
    @APIResponse(responseCode = "403", description = "Staff or admin, or suspended")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "A policy councils do not decide, or the value in force")
    public Response start(@Valid @NotNull(message = "a JSON body is required") NewPetition body) {
        return Response.status(201).entity(petitions.start(user(), body.councilId(), body.policy(), body.value(),
                body.rationale())).build();
    }

    @POST
    @Path("/petitions/{id}/support")
    @RolesAllowed(Roles.RESIDENT)
    @SecurityRequirement(name = "keycloak")
    @Operation(summary = "Support a petition (resident)", description = "Once, while it gathers support.")
    @APIResponse(responseCode = "403", description = "Staff or admin, or suspended")
    @APIResponse(responseCode = "404", description = "No such petition")
    @APIResponse(responseCode = "409", description = "Supported already, or no longer gathering support")
    public PetitionView support(@PathParam("id") String id) {
        return petitions.support(user(), id);
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
