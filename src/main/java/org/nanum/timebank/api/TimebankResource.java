package org.nanum.timebank.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.platform.security.SignedInUserProducer;
import org.nanum.timebank.application.AccountService;
import org.nanum.timebank.application.LedgerCheck;
import org.nanum.timebank.application.PayRequest;
import org.nanum.timebank.application.TimebankViews.AccountView;
import org.nanum.timebank.application.TimebankViews.ChainReport;
import org.nanum.timebank.application.TimebankViews.Statement;
import org.nanum.timebank.application.TimebankViews.Summary;
import org.nanum.timebank.application.TimebankViews.TransferView;
import org.nanum.timebank.application.TransferService;

@Path("/timebank")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESIDENT)
@SecurityRequirement(name = "keycloak")
@Tag(name = "Time bank", description = "Households' minutes on a double-entry ledger: an hour given is an hour earned")
public class TimebankResource {
    static final String KEY_HELP = "A new random value (e.g. a UUID) per transfer, the same on a retry: a retry with "
            + "the same key and body returns the first transfer (200, replayed true) and moves nothing again.";

    @Inject
    TransferService transfers;
    @Inject
    AccountService accounts;
    @Inject
    LedgerCheck check;
    @Inject
    SignedInUserProducer signIn;
    @Context
    UriInfo uri;

    /** Why a staff member reverses a transfer. */
    public record Reason(@Size(max = 500, message = "at most 500 characters") String reason) {
    }

    @GET
    @Path("/accounts/mine")
    @Operation(summary = "My household's account",
            description = "Balance, minutes held for sessions (they count against the floor), minutes held for it, what "
                    + "it can still pay, and its limits (policy TIMEBANK_FLOOR_MINUTES, TIMEBANK_CEILING_MINUTES). The "
                    + "account opens empty on the household's first use of the time bank; each member's welcome grant "
                    + "(TIMEBANK_WELCOME_GRANT_MINUTES) comes once per resident ever, when their residency is verified. "
                    + "A household may go below zero only once a member's residency is verified "
                    + "(TIMEBANK_CREDIT_NEEDS_RESIDENCY): until then floor is 0.")
    @APIResponse(responseCode = "404", description = "The caller is in no household (not-in-household)")
    public AccountView mine() {
        return accounts.mine(user());
    }

    @GET
    @Path("/accounts/mine/transfers")
    @Operation(summary = "My household's transfers", description = "Newest first, the last 200, with what each did to the balance.")
    public List<TransferView> history() {
        return accounts.transfers(user());
    }

    @GET
    @Path("/accounts/mine/statements/{month}")
    @Operation(summary = "A monthly statement (JSON)",
            description = "Month as YYYY-MM in the city's time zone: the posted balance at its start and end and every "
                    + "journal entry, with the balance after each. Send Accept: text/csv for a spreadsheet.")
    @APIResponse(responseCode = "400", description = "Not a month, or one outside 1900-01 to 2100-12")
    public Statement statement(@PathParam("month") String month) {
        return accounts.statement(user(), month);
    }

    @GET
    @Path("/accounts/mine/statements/{month}")
    @Produces("text/csv; charset=utf-8")
    @Operation(summary = "A monthly statement (CSV)",
            description = "The same statement as RFC 4180 CSV in UTF-8 with a byte order mark (spreadsheets read it "
                    + "right); a text cell that a spreadsheet would take for a formula (= + - @, tab, CR first) begins "
                    + "with an apostrophe.")
    public Response statementCsv(@PathParam("month") String month) {
        Statement s = accounts.statement(user(), month);
        return Response.ok(AccountService.csv(s)).header("Content-Disposition",
                "attachment; filename=\"nanum-timebank-" + s.month() + ".csv\"").build();
    }

    @GET
    @Path("/accounts/system")
    @Operation(summary = "The city's accounts",
            description = "The issuer of welcome grants (its balance is minus what it issued), the community pot, "
                    + "which residents give to (POST /api/timebank/transfers with its id as 'to'), and the migration "
                    + "account imported history comes from.")
    public List<AccountView> system() {
        return accounts.system();
    }

    @POST
    @Path("/transfers")
    @Operation(summary = "Pay minutes from my household's account",
            description = "To another household's account or the community pot ('to'), or to the household of a "
                    + "service or childcare listing's owner ('listingId'). Immediate and final; a mistake is corrected by "
                    + "staff with a reversal. Refused, with nothing written, over either side's limits, to the issuer or "
                    + "the migration account (400), or to a dissolved household's account (409 account-closed).")
    @APIResponse(responseCode = "201", description = "The transfer")
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first transfer, replayed")
    @APIResponse(responseCode = "400", description = "No key, minutes under 1, an unknown or one's own account")
    @APIResponse(responseCode = "409", description = "Over the payer's floor or the receiver's ceiling (timebank-limit-reached), "
            + "or a dissolved household's account (account-closed)")
    @APIResponse(responseCode = "422", description = "The key was used for a different transfer (idempotency-key-reused)")
    public Response pay(@Parameter(in = ParameterIn.HEADER, required = true, description = KEY_HELP)
                        @HeaderParam("Idempotency-Key") String key,
                        @Valid @NotNull(message = "a JSON body is required") PayRequest body) {
        return created(transfers.pay(user(), key, body));
    }

    @GET
    @Path("/transfers/{id}")
    @Operation(summary = "A transfer", description = "For the households on either side, and staff.")
    @APIResponse(responseCode = "404", description = "No transfer the caller may see has that id")
    public TransferView transfer(@PathParam("id") String id) {
        return transfers.find(user(), id);
    }

    @POST
    @Path("/transfers/{id}/reversal")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Reverse a posted transfer (staff)",
            description = "Transfers never change: a reversal moves the posted minutes back in a new transfer that points "
                    + "to the original, at most once, within the limits. The reason goes to the audit record, the "
                    + "reversal to the public transparency log. Staff do not reverse a transfer their own household made "
                    + "or received.")
    @APIResponse(responseCode = "201", description = "The reversal")
    @APIResponse(responseCode = "403", description = "Not staff, or the staff member's own household's transfer (own-household)")
    @APIResponse(responseCode = "409", description = "Not posted, a reversal itself, reversed already, or over a limit")
    public Response reverse(@PathParam("id") String id, @Valid Reason body) {
        return created(transfers.reverse(user(), id, body == null ? null : body.reason()));
    }

    @POST
    @Path("/grants")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Grant minutes from the community pot (staff)",
            description = "To a household's account ('to'), with the reason as memo (audited, and on the public "
                    + "transparency log), never more than the pot holds, never to the staff member's own household. "
                    + "Takes an Idempotency-Key like a payment, each staff member's keys their own.")
    @APIResponse(responseCode = "201", description = "The grant")
    @APIResponse(responseCode = "403", description = "Not staff, or the staff member's own household (own-household)")
    @APIResponse(responseCode = "409", description = "More than the pot holds, or over the household's ceiling")
    public Response grant(@Parameter(in = ParameterIn.HEADER, required = true, description = KEY_HELP)
                          @HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull(message = "a JSON body is required") PayRequest body) {
        return created(transfers.grant(user(), key, body));
    }

    @GET
    @Path("/accounts/of-resident/{residentId}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A resident's household account (staff)",
            description = "What staff need to help a resident with the time bank (a debt to write off before they leave): "
                    + "the balance, held minutes and limits of their household's account. Not its transfers.")
    @APIResponse(responseCode = "404", description = "No such resident, or they are in no household with an account")
    public AccountView ofResident(@PathParam("residentId") String residentId) {
        return accounts.ofResident(user(), residentId);
    }

    @POST
    @Path("/accounts/{id}/write-off")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Write a household's debt off to the community pot (staff)",
            description = "The way out for a resident in debt who wants to leave their household or erase their account: "
                    + "the pot pays the household's account back to zero (a WRITE_OFF transfer; the pot may go below zero "
                    + "this way only). The reason is required; it goes to the audit record, and the write-off to the "
                    + "public transparency log under the staff member's pseudonym. The ledger check's money supply shows "
                    + "it. Staff do not write off their own household's debt.")
    @APIResponse(responseCode = "201", description = "The write-off")
    @APIResponse(responseCode = "400", description = "No reason, no such household account, or it owes nothing")
    @APIResponse(responseCode = "403", description = "Not staff, or the staff member's own household (own-household)")
    @APIResponse(responseCode = "409", description = "The household was dissolved (account-closed)")
    public Response writeOff(@PathParam("id") String id, @Valid @NotNull(message = "a JSON body is required") Reason body) {
        return created(transfers.writeOff(user(), id, body.reason()));
    }

    @GET
    @Path("/ledger/check")
    @RolesAllowed({Roles.COUNCIL, Roles.ADMIN})
    @Operation(summary = "Verify the books (council, admin)",
            description = "Seals what is committed, then walks the journal's hash chain from the first entry to the head "
                    + "and reports the first break; checks that all balances sum to zero and that every account's "
                    + "balance and holds are what its journal entries add up to; and explains the money supply "
                    + "(moneySupply): each system account by its own kinds of entries (the issuer by welcome grants, the "
                    + "community pot by gifts, grants, write-offs and balances carried to it, the migration account by "
                    + "imported history and opening balances), one welcome grant per resident welcomed, and no minutes "
                    + "left on the account of a dissolved household. Any gap fails the check (verified false) as a "
                    + "broken hash does. No personal data.")
    public ChainReport check() {
        return check.sealAndVerify();
    }

    @Inject
    org.nanum.timebank.application.LedgerRepair repair;

    @POST
    @Path("/ledger/settle-dissolved")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Settle what dissolved households left behind (admin)",
            description = "Runs by itself once, at the first start after decision 0008; an admin may run it again "
                    + "(after restoring a backup). For each dissolved household whose account is not closed: sessions "
                    + "not settled are called off (holds voided, the other household told), listings still up withdrawn, "
                    + "and the balance follows its last member into the household they live in now, or goes to the "
                    + "community pot (a debt: written off, on the public log); then the account closes. Each household "
                    + "and the whole run are on the audit record. Returns what was settled (ids and minutes).")
    public List<org.nanum.timebank.application.LedgerRepair.Settled> settleDissolved() {
        user();
        return repair.repair();
    }

    @GET
    @Path("/ledger/summary")
    @RolesAllowed({Roles.COUNCIL, Roles.ADMIN})
    @Operation(summary = "The time bank in aggregate (council, admin)",
            description = "Accounts, minutes in circulation and held, issued, in the pot; per month of the last twelve: "
                    + "minutes moved, sessions posted, no-shows and disputes. No household is named.")
    public Summary summary() {
        return accounts.summary();
    }

    private Response created(TransferView v) {
        if (v.replayed()) {
            return Response.ok(v).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(uri.getBaseUriBuilder().path(TimebankResource.class).path("transfers").path(v.id()).build())
                .entity(v).build();
    }

    private SignedInUser user() {
        return signIn.ifSignedIn().orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"nanum\""));
    }
}
