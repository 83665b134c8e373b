package org.nanum.catalogue.application;

/**
 * Another capability's check of a listing its owner publishes (moderation's prohibited words and
 * categories). A check that answers true has put the listing in its queue: the listing is held,
 * hidden, instead of published, and becomes visible when staff restore it. Keeps the catalogue
 * from knowing moderation.
 */
public interface PublicationCheck {
    boolean holds(String listingId, String title, String description, String categoryCode, String ownerResidentId,
                  String ownerHouseholdId);
}
