package org.nanum.catalogue.search;

import java.time.Instant;
import java.util.List;

/** What the index holds of a published listing: only what anyone may see. */
public record IndexedListing(String id, String kind, String direction, String ownerType, String title,
                             String description, String language, List<String> categoryPath, String districtCode,
                             Double latitude, Double longitude, Instant updatedAt) {
}
