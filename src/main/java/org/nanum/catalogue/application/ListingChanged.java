package org.nanum.catalogue.application;

/** Fired when a listing changed; observed after a successful commit to update this node's index at once. */
public record ListingChanged(String listingId) {
}
