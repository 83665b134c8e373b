package org.nanum.catalogue.domain;

import org.nanum.platform.rest.ProblemException;

/** What can refuse a request about the catalogue. */
public final class CatalogueProblems {
    private CatalogueProblems() {
    }

    public static class ListingNotFoundException extends ProblemException {
        public ListingNotFoundException(String id) {
            super(404, "listing-not-found", "No such listing", "No listing you may see has the id " + id + ".");
        }
    }

    public static class NotYourListingException extends ProblemException {
        public NotYourListingException() {
            super(403, "not-your-listing", "Not your listing",
                    "Only the listing's owner (its household for childcare, staff for the city's) may change it.");
        }
    }

    public static class StatusChangeNotAllowedException extends ProblemException {
        public StatusChangeNotAllowedException(ListingStatus from, ListingStatus to) {
            super(409, "status-change-not-allowed", "That status change is not allowed",
                    "A listing that is " + from + " cannot become " + to + ".");
        }
    }

    public static class CityListingsAreStaffsException extends ProblemException {
        public CityListingsAreStaffsException() {
            super(403, "city-listings-are-staffs", "Only staff list for the city",
                    "Listings owned by the city are created and changed by staff.");
        }
    }
}
