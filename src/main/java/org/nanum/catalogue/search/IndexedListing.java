package org.nanum.catalogue.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds of a published listing: only what anyone may see. Days are the city's
 * calendar days as epoch days: {@code blocked} the periods it is not available, {@code window} the
 * days a childcare offer or request covers (null for listings without one).
 */
public record IndexedListing(String id, String kind, String direction, String ownerType, String title,
                             String description, String language, List<String> categoryPath, String districtCode,
                             Double latitude, Double longitude, Instant updatedAt, List<DayRange> blocked,
                             DayRange window) {

    /** Inclusive epoch days. */
    public record DayRange(long first, long last) {
    }
}
