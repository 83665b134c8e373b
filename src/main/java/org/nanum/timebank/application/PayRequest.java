package org.nanum.timebank.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Minutes a household pays to another account: give {@code to}, or a listing whose owner is paid. */
public record PayRequest(
        @Schema(description = "The receiving account's id (a household's, or the community pot's)") String to,
        @Schema(description = "What the minutes are for: a service or childcare listing. Without 'to', its owner's "
                + "household is paid.") String listingId,
        @Schema(description = "Whole minutes, at least 1") @NotNull(message = "give the minutes")
        @Min(value = 1, message = "at least 1 minute") @Max(value = 48000, message = "at most 48000 minutes") Integer minutes,
        @Schema(description = "Why, in a few words (both households see it)")
        @Size(max = 500, message = "at most 500 characters") String memo) {
}
