package org.nanum.lending.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Closing a space for a period (repairs, a city event): its staff or owner, with the reason residents will see. */
public record BlockSpaceRequest(@NotBlank(message = "say which space") @Size(max = 36) String spaceId,
                                @NotNull(message = "give the start") OffsetDateTime start,
                                @NotNull(message = "give the end") OffsetDateTime end,
                                @NotBlank(message = "give the reason residents will see")
                                @Size(max = 500, message = "at most 500 characters") String reason) {
}
