package org.nanum.catalogue.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
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

    /**
     * A space. {@code openingHours} is the text residents read; {@code bookableHours} the weekly
     * windows in which it can be booked online, in the city's time (without them it takes no online
     * bookings). Bookings start on the window's grid of {@code slotMinutes}.
     */
    public record Space(@NotNull(message = "say how many people it holds") @Min(1) @Max(5000) Integer capacity,
                        @NotNull(message = "give the opening hours") @Size(min = 1, max = 200) String openingHours,
                        @NotNull(message = "give the slot length in minutes") @Min(15) @Max(720) Integer slotMinutes,
                        Set<Access> accessibility,
                        @Valid @Size(max = 14, message = "at most 14 windows") List<BookableHours> bookableHours) {

        /** Slots are whole quarters of an hour, so bookings of any slot length collide exactly. */
        @JsonbTransient
        @AssertTrue(message = "a multiple of 15 minutes")
        public boolean isSlotMinutesInQuarters() {
            return slotMinutes == null || slotMinutes % 15 == 0;
        }
    }

    /** On these days, from one time to another (24-hour HH:MM, on quarter hours, the same day). */
    public record BookableHours(@NotNull(message = "give the days") @Size(min = 1, message = "give the days") Set<DayOfWeek> days,
                                @NotNull(message = "give the time it opens")
                                @Pattern(regexp = "([01]\\d|2[0-3]):(00|15|30|45)", message = "HH:MM on a quarter hour")
                                String from,
                                @NotNull(message = "give the time it closes")
                                @Pattern(regexp = "([01]\\d|2[0-3]):(00|15|30|45)|24:00", message = "HH:MM on a quarter hour")
                                String to) {

        @JsonbTransient
        @AssertTrue(message = "must close after it opens")
        public boolean isClosingAfterOpening() {
            return from == null || to == null || !from.matches("\\d\\d:\\d\\d") || !to.matches("\\d\\d:\\d\\d")
                    || minutesOf(to) > minutesOf(from);
        }

        /** Minutes after midnight of an HH:MM time (24:00 is 1440). */
        public static int minutesOf(String hhmm) {
            return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
        }
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

    /**
     * The first field a listing of this kind needs before it is published, as the API names it, or
     * null when nothing is missing. Requests are checked when they are made; an imported draft may
     * lack what its source did not say.
     */
    public String missingFor(ListingKind kind) {
        return switch (kind) {
            case GOODS -> goods == null ? "details.goods" : goods.condition() == null ? "details.goods.condition"
                    : goods.loanPeriodDays() == null ? "details.goods.loanPeriodDays" : null;
            case SPACE -> space == null ? "details.space" : null;
            case SERVICE -> service == null ? "details.service" : service.minutes() == null ? "details.service.minutes" : null;
            case CHILDCARE -> childcare == null ? "details.childcare" : null;
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
