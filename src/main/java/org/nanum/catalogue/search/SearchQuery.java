package org.nanum.catalogue.search;

/**
 * A search of the catalogue. Null filters do not filter. {@code near} with {@code withinKm}
 * keeps listings within that distance; {@code availableFirstDay..availableLastDay} (epoch days)
 * keeps listings not blocked on any of those days (and childcare whose window touches them);
 * sort is RELEVANCE, DISTANCE (needs near) or NEWEST.
 */
public record SearchQuery(String text, String kind, String category, String district, String ownerType,
                          String direction, Double nearLatitude, Double nearLongitude, Double withinKm,
                          Long availableFirstDay, Long availableLastDay, Sort sort, int page, int size,
                          boolean includeChildcare) {
    public enum Sort { RELEVANCE, DISTANCE, NEWEST }
}
