package org.nanum.catalogue.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * What only one kind of listing has. Exactly the part matching the listing's kind is present;
 * {@code pickupPlace} is private (shown to the owner and, later, to an approved borrower).
 */
public record ListingDetails(@Valid Goods goods, @Valid Space space, @Valid Service service, @Valid Childcare childcare) {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    public enum Condition { NEW, GOOD, FAIR, WORN }

    public enum Access { STEP_FREE, ACCESSIBLE_TOILET, HEARING_LOOP, PARKING }

    /** Age bands, never ages or names: the catalogue says nothing more about children. */
    public enum AgeBand { AGE_0_2, AGE_3_5, AGE_6_9, AGE_10_12 }

    public record Goods(@NotNull(message = "say what condition it is in") Condition condition,
                        @Min(value = 0, message = "cannot be negative") @Max(100_000_000) Integer replacementValueKrw,
                        @NotNull(message = "say for how many days it can be borrowed")
                        @Min(value = 1, message = "at least 1 day") @Max(value = 90, message = "at most 90 days")
                        Integer loanPeriodDays,
                        @Min(value = 0, message = "cannot be negative") @Max(10_000_000) Integer depositKrw,
                        @Size(max = 200, message = "at most 200 characters") String pickupPlace) {
        Goods withoutPrivate() {
            return new Goods(condition, replacementValueKrw, loanPeriodDays, depositKrw, null);
        }
    }

    public record Space(@NotNull(message = "say how many people it holds") @Min(1) @Max(5000) Integer capacity,
                        @NotNull(message = "give the opening hours") @Size(min = 1, max = 200) String openingHours,
                        @NotNull(message = "give the slot length in minutes") @Min(15) @Max(720) Integer slotMinutes,
                        Set<Access> accessibility) {
    }

    public record Service(@NotNull(message = "say about how many minutes it takes") @Min(15) @Max(720) Integer minutes) {
    }

    public record Childcare(@NotNull(message = "say when it starts") Instant from,
                            @NotNull(message = "say when it ends") Instant to,
                            @NotNull(message = "say how many children") @Min(1) @Max(6) Integer children,
                            @NotNull(message = "give the children's age bands") @Size(min = 1) Set<AgeBand> ageBands) {
    }

    /** The part that matches the kind, or null when it is missing. */
    public Object partFor(ListingKind kind) {
        return switch (kind) {
            case GOODS -> goods;
            case SPACE -> space;
            case SERVICE -> service;
            case CHILDCARE -> childcare;
        };
    }

    /** How many kind parts are present (one is right). */
    public int parts() {
        int n = 0;
        for (Object part : new Object[] {goods, space, service, childcare}) {
            n += part == null ? 0 : 1;
        }
        return n;
    }

    public ListingDetails withoutPrivate() {
        return new ListingDetails(goods == null ? null : goods.withoutPrivate(), space, service, childcare);
    }

    public String toJson() {
        return JSONB.toJson(this);
    }

    public static ListingDetails fromJson(String json) {
        return JSONB.fromJson(json, ListingDetails.class);
    }
}
