package org.nanum.residents.api;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.platform.rest.StrictBoolean;

/** Request bodies of the residents capability. */
public final class Requests {
    private Requests() {
    }

    @Schema(description = "The district the resident lives in.")
    public record ChooseDistrictRequest(
            @Schema(description = "A district code from GET /api/districts", examples = "mapo")
            @NotBlank(message = "choose a district") @Size(max = 40) String district) {
    }

    @Schema(description = "A new household, with the caller as its first member.")
    public record StartHouseholdRequest(
            @Schema(description = "How the household calls itself, shown to its members", examples = "Kim family")
            @NotBlank(message = "give the household a name") @Size(max = 80, message = "at most 80 characters")
            String name) {
    }

    @Schema(description = "An invitation code from a member of the household to join.")
    public record JoinHouseholdRequest(
            @Schema(description = "The code a member shared (case, spaces and dashes do not matter)",
                    examples = "K7QH-MX2PRA")
            @NotBlank(message = "enter the invitation code") @Size(max = 40) String invitationCode) {
    }

    @Schema(description = "A staff decision on a resident's residency.")
    public record ResidencyDecisionRequest(
            @Schema(description = "true to mark the residency verified, false to withdraw the verification")
            @NotNull(message = "say whether the residency is verified")
            @JsonbTypeDeserializer(StrictBoolean.class) Boolean verified,
            @Schema(description = "What was seen, kept in the audit record", examples = "Residency card seen at the district office")
            @NotBlank(message = "give a reason") @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }

    public record SitterCheckRequest(
            @Schema(description = "true: the checks were done; false: withdraw the record")
            @NotNull(message = "say whether the checks were done")
            @JsonbTypeDeserializer(StrictBoolean.class) Boolean verified,
            @Schema(description = "The day the checks were done (required when verified)", examples = "2026-11-20")
            java.time.LocalDate checkedOn,
            @Schema(description = "What was done or why it is withdrawn, kept in the audit record (never the documents)",
                    examples = "Criminal record check and first-aid certificate seen at the Mapo-gu office")
            @NotBlank(message = "give a reason") @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }
}
