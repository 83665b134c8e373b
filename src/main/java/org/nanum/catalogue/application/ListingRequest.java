package org.nanum.catalogue.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nanum.catalogue.domain.Direction;
import org.nanum.catalogue.domain.ListingDetails;
import org.nanum.catalogue.domain.ListingKind;
import org.nanum.catalogue.domain.OwnerType;

/** A listing as its owner writes it (creating or replacing its description). */
@Schema(description = "A listing of goods, a space, a service or childcare time. Exactly the details part "
        + "matching the kind is given (goods, space, service or childcare).")
public record ListingRequest(
        @Schema(description = "GOODS, SPACE, SERVICE or CHILDCARE") @NotNull(message = "choose a kind") ListingKind kind,
        @Schema(description = "OFFER or REQUEST (requests: services and childcare only); OFFER when absent")
        Direction direction,
        @Schema(description = "RESIDENT (your own), HOUSEHOLD (childcare) or CITY (staff only); by kind when absent")
        OwnerType ownerType,
        @NotBlank(message = "give a title") @Size(max = 120, message = "at most 120 characters") String title,
        @NotBlank(message = "describe it") @Size(max = 5000, message = "at most 5000 characters") String description,
        @Schema(description = "ko, en or fr; detected from the text when absent")
        @Pattern(regexp = "ko|en|fr", message = "ko, en or fr") String language,
        @Schema(description = "A category code of the listing's kind (GET /api/categories)")
        @NotBlank(message = "choose a category") @Size(max = 60) String category,
        @Schema(description = "A district code; the owner's district when absent") @Size(max = 40) String district,
        @Schema(description = "Where it is (WGS84); residents' homes are shown coarsened to ~200 m")
        @DecimalMin(value = "-90", message = "between -90 and 90") @DecimalMax(value = "90", message = "between -90 and 90")
        Double latitude,
        @DecimalMin(value = "-180", message = "between -180 and 180")
        @DecimalMax(value = "180", message = "between -180 and 180") Double longitude,
        @Valid @NotNull(message = "give the details of the kind") ListingDetails details) {
}
