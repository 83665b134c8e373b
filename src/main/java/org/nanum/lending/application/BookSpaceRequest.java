package org.nanum.lending.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * Booking a space: from start to end (ISO-8601 with offset, e.g. 2026-12-03T19:00:00+09:00),
 * repeated on the same weekday and time for {@code weeks} weeks (1 = once). With
 * {@code allOrNothing} (the default) a clash on any date books none; without, the free dates are
 * booked and the others reported.
 */
public record BookSpaceRequest(@NotBlank(message = "say which space") @Size(max = 36) String spaceId,
                               @NotNull(message = "give the start") OffsetDateTime start,
                               @NotNull(message = "give the end") OffsetDateTime end,
                               @Min(value = 1, message = "at least 1") @Max(value = 104, message = "at most 104") Integer weeks,
                               Boolean allOrNothing,
                               @Size(max = 120, message = "at most 120 characters") String groupName,
                               @Size(max = 500, message = "at most 500 characters") String note) {
}
