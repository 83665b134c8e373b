package org.nanum.timebank.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Taking up a childcare or service listing: when, and for childcare how many children. */
public record SessionRequest(
        @Schema(description = "A published childcare or service listing: an offer (the caller receives the time) or "
                + "a request (the caller gives it)") @NotBlank(message = "give the listing") String listingId,
        @Schema(description = "When the session starts (within a childcare listing's window)")
        @NotNull(message = "say when it starts") Instant startsAt,
        @Schema(description = "When it ends: 15 minutes to 12 hours after the start")
        @NotNull(message = "say when it ends") Instant endsAt,
        @Schema(description = "Childcare: how many children (at most the listing's)")
        @Min(value = 1, message = "at least 1") @Max(value = 6, message = "at most 6") Integer children,
        @Schema(description = "A first message to the other household (optional)")
        @Size(max = 2000, message = "at most 2000 characters") String message) {
}
