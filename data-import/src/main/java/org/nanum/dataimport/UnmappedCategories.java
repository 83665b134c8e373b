package org.nanum.dataimport;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source categories of the listings left without a Nanum category, each with how many such
 * listings carry it, most frequent first: what a city adds to its mapping file next. Listings
 * that have no category at all are counted under {@link #NO_CATEGORY}.
 */
public record UnmappedCategories(Map<String, Integer> counts, int listings) {

    public static final String NO_CATEGORY = "(no category)";
    public static final UnmappedCategories NONE = new UnmappedCategories(Map.of(), 0);

    public UnmappedCategories {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public static UnmappedCategories of(List<ImportedListing> listings) {
        Map<String, Integer> counts = new HashMap<>();
        int unmapped = 0;
        for (ImportedListing listing : listings) {
            if (listing.nanumCategory() != null) {
                continue;
            }
            unmapped++;
            List<String> categories = listing.sourceCategories().isEmpty()
                    ? List.of(NO_CATEGORY) : listing.sourceCategories();
            categories.forEach(category -> counts.merge(category, 1, Integer::sum));
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new UnmappedCategories(sorted, unmapped);
    }

    /** Categories that are in the source but not in the mapping (listings without any category left out). */
    public int categories() {
        return (int) counts.keySet().stream().filter(c -> !c.equals(NO_CATEGORY)).count();
    }
}
