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

    public static class PhotoNotFoundException extends ProblemException {
        public PhotoNotFoundException(String id) {
            super(404, "photo-not-found", "No such photo", "No photo you may see has the id " + id + ".");
        }
    }

    public static class PhotoTooLargeException extends ProblemException {
        public PhotoTooLargeException(int maxBytes) {
            super(413, "photo-too-large", "The photo is too large",
                    "A photo may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
        }
    }

    public static class UnusablePhotoException extends ProblemException {
        public UnusablePhotoException(String why) {
            super(400, "unusable-photo", "The photo cannot be used", "The photo cannot be used: " + why + ".");
        }
    }

    public static class TooManyPhotosException extends ProblemException {
        public TooManyPhotosException(int max) {
            super(409, "too-many-photos", "Too many photos", "A listing has at most " + max + " photos; delete one first.");
        }
    }
}
