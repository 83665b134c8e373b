package org.nanum.catalogue.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A page of results, the total, and facet counts (value to count) for every matching listing. */
public record SearchPage(long total, int page, int size, List<Hit> items, Map<String, Map<String, Integer>> facets) {

    /** One listing as search shows it; distance only when the search had a point. */
    public record Hit(String id, String kind, String direction, String ownerType, String title, String snippet,
                      String language, String category, String district, Double latitude, Double longitude,
                      Instant updatedAt, Double distanceKm) {
    }
}
