package org.nanum.residents.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.nanum.platform.security.Roles;
import org.nanum.platform.security.SignedInUser;
import org.nanum.residents.api.Requests.ChooseDistrictRequest;
import org.nanum.residents.application.ResidentService;
import org.nanum.residents.application.Views.MeView;

@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Residents", description = "The signed-in resident, households and districts")
@SecurityRequirement(name = "keycloak")
public class MeResource {
    @Inject
    ResidentService residents;
    @Inject
    SignedInUser user;
    @Inject
    org.nanum.residents.application.DataExport export;

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.STAFF, Roles.COUNCIL, Roles.ADMIN})
    @Operation(summary = "Who am I",
            description = "The signed-in resident: id, names, email, district, household, whether staff have "
                    + "verified their residency, and their roles. The first call after a first sign-in creates "
                    + "the resident from the token.")
    @APIResponse(responseCode = "200", description = "The signed-in resident")
    @APIResponse(responseCode = "401", description = "No valid token")
    public MeView me() {
        return residents.me(user);
    }

    @PUT
    @Path("/district")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Choose my district",
            description = "Sets the district the resident lives in; codes come from GET /api/districts.")
    @APIResponse(responseCode = "200", description = "The resident, in the chosen district")
    @APIResponse(responseCode = "400", description = "Missing or unknown district")
    public MeView chooseDistrict(@Valid @NotNull(message = "a JSON body is required") ChooseDistrictRequest body) {
        return residents.chooseDistrict(user, body.district());
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Download everything Nanum holds about me and my household",
            description = "One JSON document (format nanum-export-1), a section per capability: profile, household, "
                    + "notifications and actions on record; listings and photos; loans, waiting lists, bookings, "
                    + "references and messages written; the household's time-bank account, transfers, sessions and "
                    + "the care notes it wrote; reports made, cases about me and appeals; council seats, ballots, "
                    + "comments and petitions. Other households' personal data is not in it (the other party of a "
                    + "loan or session by display name at most). The export is audited.")
    @APIResponse(responseCode = "200", description = "The export, as an attachment")
    public jakarta.ws.rs.core.Response export() {
        java.util.Map<String, Object> data = export.export(user);
        return jakarta.ws.rs.core.Response.ok(data).header("Content-Disposition", "attachment; filename=\"nanum-export-"
                + data.get("exportedAt").toString().substring(0, 10) + ".json\"").header("Cache-Control", "no-store")
                .build();
    }

    @Inject
    org.nanum.residents.application.AssistanceService assistance;

    @GET
    @Path("/assistance")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Who of the city's staff may act, or acted, for me",
            description = "The consents the resident gave to staff members' help (assisted use), newest first: who, "
                    + "why, from when until when, and whether one still holds.")
    public java.util.List<org.nanum.residents.application.AssistanceService.ConsentView> myAssistance() {
        return assistance.mine(user);
    }

    @Inject
    org.nanum.residents.application.AccountErasure erasure;

    /** What keeps the account from being erased now. */
    public record ErasureCheck(boolean possible, java.util.List<org.nanum.platform.rest.Problem.FieldError> open) {
    }

    /** The resident's confirmation: the word ERASE, typed. */
    public record ErasureRequest(@jakarta.validation.constraints.Size(max = 20) String confirm) {
    }

    @GET
    @Path("/erasure")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "Can my account be erased now?",
            description = "What is still open and must be closed first, each with what to do: loans asked for, "
                    + "approved or out (yours or of your items), waiting lists, bookings to come, undecided deposit "
                    + "appeals, time-bank sessions not settled, a council seat held now.")
    public ErasureCheck erasureCheck() {
        java.util.List<org.nanum.platform.rest.Problem.FieldError> open = erasure.openItems(user);
        return new ErasureCheck(open.isEmpty(), open);
    }

    @jakarta.ws.rs.POST
    @Path("/erasure")
    @RolesAllowed(Roles.RESIDENT)
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase my account",
            description = "Cannot be undone; confirm with {\"confirm\": \"ERASE\"}. Refused while anything is open "
                    + "(GET /api/me/erasure lists it). Then: your profile, messages, notes, reports' words, comments, "
                    + "listings (withdrawn, their photos deleted), calendar address, inbox and preferences are erased or "
                    + "pseudonymised; your household goes with its last member; loans, bookings and time-bank "
                    + "transfers stay with their dates and amounts under \"Erased resident\", so the books still "
                    + "balance. Your Keycloak account is deleted (keycloakAccount: DELETED, or PENDING while Keycloak "
                    + "cannot be reached: retried). Audited; a token issued before gets 403 account-erased.")
    @APIResponse(responseCode = "200", description = "Erased")
    @APIResponse(responseCode = "400", description = "Not confirmed")
    @APIResponse(responseCode = "409", description = "Something is still open (erasure-blocked), each item in errors")
    public org.nanum.residents.application.AccountErasure.ErasureView erase(
            @jakarta.validation.Valid @jakarta.validation.constraints.NotNull(message = "a JSON body is required")
            ErasureRequest body) {
        if (!"ERASE".equals(body.confirm())) {
            throw new org.nanum.residents.domain.ResidentsProblems.ErasureNotConfirmedException();
        }
        String id = erasure.eraseMine(user).residentId();
        return erasure.deleteAccount(id);
    }
}
