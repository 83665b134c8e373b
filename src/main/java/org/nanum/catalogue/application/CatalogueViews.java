package org.nanum.catalogue.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.nanum.catalogue.domain.BlockedPeriod;
import org.nanum.catalogue.domain.Photo;
import org.nanum.catalogue.domain.Category;
import org.nanum.catalogue.domain.Listing;
import org.nanum.catalogue.domain.ListingDetails;

/** Response bodies of the catalogue. */
public final class CatalogueViews {
    private CatalogueViews() {
    }

    /** A photo: its address, its thumbnail's, and (for its owner) whether moderation hid it. */
    public record PhotoView(String id, int width, int height, String url, String thumbnailUrl, boolean hidden) {
        static PhotoView of(String listingId, Photo p) {
            String url = "/api/listings/" + listingId + "/photos/" + p.id();
            return new PhotoView(p.id(), p.width(), p.height(), url, url + "?size=thumbnail", p.hidden());
        }
    }

    /** Days a listing is not available, and why (OWNER, LOAN, BOOKING). */
    public record BlockedView(LocalDate firstDay, LocalDate lastDay, String source) {
    }

    public record CategoryView(String code, String parent, String kind, String nameKo, String nameEn, String nameFr) {
        static CategoryView of(Category c) {
            return new CategoryView(c.code(), c.parentCode(), c.kind().name(), c.nameKo(), c.nameEn(), c.nameFr());
        }
    }

    /**
     * A listing. Everyone sees the public point and public details; the owner also sees the exact
     * place ({@code exactLatitude}/{@code exactLongitude}) and private details such as the
     * pick-up place.
     */
    public record ListingView(String id, String kind, String direction, String ownerType, String title,
                              String description, String language, String category, String district,
                              Double latitude, Double longitude, Double exactLatitude, Double exactLongitude,
                              ListingDetails details, String status, boolean mine, List<BlockedView> blocked,
                              List<PhotoView> photos, Instant createdAt, Instant updatedAt) {
        static ListingView of(Listing l, boolean owner, List<BlockedPeriod> periods, List<Photo> photos) {
            ListingDetails details = l.details();
            return new ListingView(l.id(), l.kind().name(), l.direction().name(), l.ownerType().name(), l.title(),
                    l.description(), l.language().code(), l.categoryCode(), l.districtCode(), l.publicLatitude(),
                    l.publicLongitude(), owner ? l.latitude() : null, owner ? l.longitude() : null,
                    owner ? details : details.withoutPrivate(), l.status().name(), owner,
                    periods.stream().map(b -> new BlockedView(b.firstDay(), b.lastDay(), b.source().name())).toList(),
                    photos.stream().filter(p -> owner || !p.hidden()).map(p -> PhotoView.of(l.id(), p)).toList(),
                    l.createdAt(), l.updatedAt());
        }
    }
}
